package org.ehcptracker.advice.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.kit.domain.Role;
import org.ehcptracker.testtokens.AccessMatrix;
import org.junit.jupiter.api.Test;

/**
 * The role × endpoint matrix (issue 11) over advice-service's OpenAPI document: every /api operation with the
 * roles allowed to call it (docs/advice-service.md, "Who may call what"). Council and agency scope, which need
 * real data, are in {@link AccessScopeApiTest}. Council 859 (no other class uses it): the placeholder ids find
 * nothing, and a PUT of an empty body is refused (400), so the matrix changes no data.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "advice"))
class AccessMatrixTest {

    /** The allowed roles of every operation; a team manager holds caseworker, so "caseworker" admits both. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            // the operators' dead letters (consumer-kit), in every service that consumes Kafka
            Map.entry("GET /api/operations/dead-letters", Set.of("admin")),
            Map.entry("POST /api/operations/dead-letters/{consumer}/{eventId}/replay", Set.of("admin")),
            Map.entry("POST /api/cases/{caseId}/advice-requests", Set.of(Role.CASEWORKER)),
            Map.entry("GET /api/cases/{caseId}/advice-requests", Set.of(Role.CASEWORKER)),
            Map.entry("POST /api/cases/{caseId}/advice-reuses", Set.of(Role.CASEWORKER)),
            Map.entry("GET /api/cases/{caseId}/advice-reuses", Set.of(Role.CASEWORKER)),
            Map.entry("GET /api/cases/{caseId}/advice-reuses/{adviceType}", Set.of(Role.CASEWORKER)),
            Map.entry("POST /api/advice-requests/{adviceRequestId}/submission", Set.of(Role.CASEWORKER, Role.AGENCY)),
            Map.entry("POST /api/advice-requests/{adviceRequestId}/rework", Set.of(Role.CASEWORKER)),
            Map.entry("POST /api/advice-requests/{adviceRequestId}/exceptions", Set.of(Role.CASEWORKER)),
            Map.entry("POST /api/advice-requests/{adviceRequestId}/cancellation", Set.of(Role.CASEWORKER)),
            Map.entry("GET /api/advice-requests/{adviceRequestId}", Set.of(Role.CASEWORKER, Role.AGENCY)),
            Map.entry("GET /api/advice-requests/{adviceRequestId}/submission", Set.of(Role.CASEWORKER, Role.AGENCY)),
            Map.entry("GET /api/advice-requests", Set.of(Role.CASEWORKER, Role.AGENCY)),
            Map.entry("GET /api/agencies/{agencyId}/inbox", Set.of(Role.CASEWORKER, Role.AGENCY)),
            Map.entry("GET /api/councils/{localAuthorityCode}/advice-performance",
                    Set.of(Role.CASEWORKER, Role.BOARD, Role.AGENCY)),
            Map.entry("POST /api/councils/{localAuthorityCode}/agencies", Set.of(Role.ADMIN)),
            Map.entry("GET /api/councils/{localAuthorityCode}/agencies", Set.of(Role.ADMIN, Role.CASEWORKER)),
            Map.entry("GET /api/councils/{localAuthorityCode}/default-advice", Set.of(Role.ADMIN, Role.CASEWORKER)),
            Map.entry("PUT /api/councils/{localAuthorityCode}/default-advice", Set.of(Role.ADMIN)),
            Map.entry("GET /api/agencies/{agencyId}", Set.of(Role.ADMIN, Role.CASEWORKER, Role.AGENCY)),
            Map.entry("PUT /api/agencies/{agencyId}", Set.of(Role.ADMIN)),
            Map.entry("POST /api/agencies/{agencyId}/deactivation", Set.of(Role.ADMIN)));

    @Test
    void every_operation_refuses_bad_tokens_with_401_and_roles_outside_its_row_with_403() {
        // the matrix's agency users belong to "matrix-agency", so the agency id in the path is their own
        var matrix = new AccessMatrix(ALLOWED, Map.of(
                "caseId", UUID.randomUUID().toString(),
                "consumer", "matrix", "eventId", UUID.randomUUID().toString(),
                "adviceRequestId", UUID.randomUUID().toString(),
                "agencyId", "matrix-agency",
                "adviceType", "EDUCATIONAL_PSYCHOLOGY"), "859");
        int requests = matrix.verify();
        // 23 operations × (7 bad tokens + 5 roles)
        assertThat(requests).isEqualTo(ALLOWED.size() * 12).isPositive();
    }
}
