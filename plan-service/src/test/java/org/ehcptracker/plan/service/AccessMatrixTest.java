package org.ehcptracker.plan.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.testtokens.AccessMatrix;
import org.junit.jupiter.api.Test;

/**
 * Every /api operation of plan-service's OpenAPI document against every role and every kind of bad token
 * (platform/test-tokens' {@link AccessMatrix}). The table is docs/plan-service.md's "Who may call what"; a
 * caseworker entry admits team managers too (their role holds caseworker). Council scope needs real data:
 * {@link CouncilScopeTest}.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class AccessMatrixTest extends PlanServiceTestSupport {

    static final Set<String> CASEWORKERS = Set.of("caseworker");

    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            // the operators' dead letters (consumer-kit), in every service that consumes Kafka
            Map.entry("GET /api/operations/dead-letters", Set.of("admin")),
            Map.entry("POST /api/operations/dead-letters/{consumer}/{eventId}/replay", Set.of("admin")),
            Map.entry("POST /api/cases/{caseId}/draft-plan", CASEWORKERS),
            Map.entry("POST /api/cases/{caseId}/final-plan", CASEWORKERS),
            Map.entry("POST /api/cases/{caseId}/parent-response", CASEWORKERS),
            Map.entry("POST /api/cases/{caseId}/consultations", CASEWORKERS),
            Map.entry("POST /api/cases/{caseId}/consultations/{settingUrn}/answer", CASEWORKERS),
            Map.entry("GET /api/cases/{caseId}/plan", CASEWORKERS),
            Map.entry("GET /api/plans/{planId}", CASEWORKERS),
            Map.entry("POST /api/plans/{planId}/reviews", CASEWORKERS),
            Map.entry("POST /api/plans/{planId}/cessation", CASEWORKERS),
            Map.entry("PUT /api/plans/{planId}/sen-needs", CASEWORKERS),
            // team managers are the auditors; caseworkers read the audits of their council's plans
            Map.entry("POST /api/plans/{planId}/quality-audits", Set.of("team-manager")),
            Map.entry("GET /api/plans/{planId}/quality-audits", CASEWORKERS),
            Map.entry("GET /api/reviews/{reviewId}", CASEWORKERS),
            Map.entry("POST /api/reviews/{reviewId}/decision", CASEWORKERS),
            Map.entry("POST /api/reviews/{reviewId}/amended-plan", CASEWORKERS),
            Map.entry("GET /api/plan-worklists/{list}", CASEWORKERS),
            // the counts are figures a board watches; the lines stay with caseworkers (CouncilScopeTest)
            Map.entry("GET /api/phase-transfers", Set.of("caseworker", "board")));

    @Test
    void every_operation_refuses_bad_tokens_and_roles_outside_its_table_and_admits_those_in_it() {
        var matrix = new AccessMatrix(ALLOWED, Map.of(
                "caseId", UUID.randomUUID().toString(),
                "consumer", "matrix", "eventId", UUID.randomUUID().toString(),
                "planId", UUID.randomUUID().toString(),
                "reviewId", UUID.randomUUID().toString(),
                "settingUrn", "139021",
                "list", "reviews-due"), "839");

        int requests = matrix.verify();

        // 18 operations × (7 bad tokens + 5 roles)
        assertThat(requests).isEqualTo(ALLOWED.size() * 12);
    }
}
