package org.ehcptracker.assessment.rest;

import org.ehcptracker.testtokens.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/**
 * What an operator watches (docs/operations.md) on a real command service: commands counted by outcome, and the
 * event relay in readiness. Council 963 is this test's own.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
class OperationalMetricsTest {

    private static final String ACTOR = "caseworker:operator-test";

    @Test
    void commandsAreCountedByOutcomeAndTheRelayIsInReadiness() {
        double acceptedBefore = commands("accepted");
        double notFoundBefore = commands("rejected_not_found");

        String caseId = UUID.randomUUID().toString();
        given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON)
                .body(Map.of("caseId", caseId, "localAuthorityCode", "963", "receivedDate", "2025-01-06",
                        "requestedBy", "PARENT", "childRef", "C-OPS-1"))
                .post("/api/cases").then().statusCode(201);
        given().header("Authorization", TestTokens.bearer(ACTOR)).contentType(ContentType.JSON)
                .body(Map.of("decision", "ASSESS", "decisionDate", "2025-02-10"))
                .post("/api/cases/{id}/decision", UUID.randomUUID().toString()).then().statusCode(404);

        assertThat(commands("accepted")).isEqualTo(acceptedBefore + 1);
        assertThat(commands("rejected_not_found")).isEqualTo(notFoundBefore + 1);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'event relay' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'event relay' }.data.topic", equalTo("ehcp.assessment.events"));
    }

    /** The {@code ehcp_commands_total} count for the assessment case aggregate and {@code outcome}, 0 before the first. */
    private static double commands(String outcome) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("ehcp_commands_total\\{aggregate=\"assessment case\",outcome=\"" + outcome + "\"} ([0-9.E]+)")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
