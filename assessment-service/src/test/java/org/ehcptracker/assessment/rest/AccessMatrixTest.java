package org.ehcptracker.assessment.rest;

import static java.util.Map.entry;
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
 * Who may call what (docs/assessment-service.md, "Who may call what"): the role × operation matrix over this
 * service's OpenAPI document. Every /api operation must be in {@link #ALLOWED}; bad tokens get 401, roles outside
 * the table 403, roles inside neither. Council scope needs real cases: {@link CouncilScopeTest}.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
class AccessMatrixTest {

    /** caseworkers; team managers hold the caseworker role too, so they are allowed as well */
    static final Set<String> CASEWORKER = Set.of("caseworker");
    /** team managers only: assigning cases, corrections of the record, erasure, the audit */
    static final Set<String> TEAM_MANAGER = Set.of("team-manager");

    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            // the operators' dead letters (consumer-kit), in every service that consumes Kafka
            entry("GET /api/operations/dead-letters", Set.of("admin")),
            entry("POST /api/operations/dead-letters/{consumer}/{eventId}/replay", Set.of("admin")),
            entry("POST /api/cases", CASEWORKER),
            entry("GET /api/cases", CASEWORKER),
            entry("GET /api/cases/{caseId}", CASEWORKER),
            entry("POST /api/cases/{caseId}/decision", CASEWORKER),
            entry("POST /api/cases/{caseId}/conclusion", CASEWORKER),
            entry("POST /api/cases/{caseId}/withdrawal", CASEWORKER),
            entry("POST /api/cases/{caseId}/transfer-in", CASEWORKER),
            entry("POST /api/cases/{caseId}/exceptions", CASEWORKER),
            entry("GET /api/cases/{caseId}/exceptions", CASEWORKER),
            entry("POST /api/cases/{caseId}/exceptions/{exceptionId}/correction", TEAM_MANAGER),
            entry("POST /api/cases/{caseId}/exceptions/{exceptionId}/withdrawal", TEAM_MANAGER),
            entry("POST /api/cases/{caseId}/disputes", CASEWORKER),
            entry("GET /api/cases/{caseId}/disputes", CASEWORKER),
            entry("POST /api/cases/{caseId}/disputes/{disputeId}/outcome", CASEWORKER),
            entry("DELETE /api/cases/{caseId}/personal-details", TEAM_MANAGER),
            entry("GET /api/cases/{caseId}/assignment", CASEWORKER),
            entry("PUT /api/cases/{caseId}/assignment", TEAM_MANAGER),
            entry("DELETE /api/cases/{caseId}/assignment", TEAM_MANAGER),
            entry("GET /api/cases/{caseId}/audit", TEAM_MANAGER),
            entry("GET /api/worklist", CASEWORKER),
            entry("PUT /api/cases/{caseId}/sen2-person", CASEWORKER),
            entry("GET /api/local-authorities/{la}/sen2-return", TEAM_MANAGER));

    @Test
    void every_operation_refuses_bad_tokens_and_wrong_roles_and_admits_the_right_ones() {
        var matrix = new AccessMatrix(ALLOWED, Map.of(
                "caseId", UUID.randomUUID().toString(),
                "consumer", "matrix", "eventId", UUID.randomUUID().toString(),
                "exceptionId", UUID.randomUUID().toString(),
                "disputeId", UUID.randomUUID().toString(),
                // not a council code: an allowed caller gets its 400 before reporting-service is asked
                "la", "9x1"), "839");
        int requests = matrix.verify();
        // 22 operations × (7 bad tokens + 5 roles)
        assertThat(requests).isEqualTo(ALLOWED.size() * 12);
    }

    /** service-kit's shared headers (docs/security.md, "Transport and headers") on answers good and bad, and CORS closed. */
    @Test
    void every_answer_carries_the_security_headers_and_no_other_origin_is_admitted() {
        String token = org.ehcptracker.testtokens.TestTokens.bearer("caseworker:headers");
        for (var answer : java.util.List.of(
                io.restassured.RestAssured.given().header("Authorization", token).get("/api/cases/{id}", UUID.randomUUID()),
                io.restassured.RestAssured.given().get("/api/cases/{id}", UUID.randomUUID()),
                io.restassured.RestAssured.given().get("/q/health/ready"))) {
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(answer.header("Content-Security-Policy")).contains("default-src 'self'")
                    .contains("frame-ancestors 'none'");
        }
        assertThat(io.restassured.RestAssured.given().header("Authorization", token)
                .get("/api/cases/{id}", UUID.randomUUID()).header("Cache-Control")).isEqualTo("no-store");
        var preflight = io.restassured.RestAssured.given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").options("/api/cases");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }
}
