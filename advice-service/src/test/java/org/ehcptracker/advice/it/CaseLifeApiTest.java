package org.ehcptracker.advice.it;

import org.ehcptracker.testtokens.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ehcptracker.advice.it.Fixtures.WAIT;
import static org.ehcptracker.advice.it.Fixtures.adviceEventsOf;
import static org.ehcptracker.advice.it.Fixtures.awaitCaseStatus;
import static org.ehcptracker.advice.it.Fixtures.caseAcceptedForAssessment;
import static org.ehcptracker.advice.it.Fixtures.example;
import static org.ehcptracker.advice.it.Fixtures.publishAssessmentEvent;
import static org.ehcptracker.advice.it.Fixtures.read;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/** Case life (issue 8 item 7): a case that closes cancels its open advice requests and takes no new one. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "advice"))
class CaseLifeApiTest {

    static final String CASEWORKER = "caseworker:jsmith";

    @Inject
    Pool pool;

    static String request(UUID caseId, String type, String date) {
        return given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(CASEWORKER))
                .body(Map.of("adviceType", type, "agencyId", "839-" + type.substring(0, 3), "requestedDate", date))
                .when().post("/api/cases/{caseId}/advice-requests", caseId).then()
                .statusCode(201).extract().path("adviceRequestId");
    }

    String status(String id) {
        return given().header("Authorization", TestTokens.bearer(CASEWORKER)).when().get("/api/advice-requests/{id}", id).then()
                .statusCode(200).extract().path("status");
    }

    long events(String id, String type) {
        return pool.preparedQuery("select count(*) as n from event where stream_id = $1 and type = $2")
                .execute(Tuple.of(UUID.fromString(id), type)).await().atMost(WAIT).iterator().next().getLong("n");
    }

    @Test
    void a_withdrawn_case_cancels_its_open_requests_once_and_takes_no_new_one() {
        UUID caseId = UUID.randomUUID();
        caseAcceptedForAssessment(pool, caseId);
        String open = request(caseId, "EDUCATIONAL_PSYCHOLOGY", "2025-04-11");
        String answered = request(caseId, "HEALTH", "2025-04-11");
        given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer("agency:839-HEA")).body(Map.of("submittedDate", "2025-04-20"))
                .when().post("/api/advice-requests/{id}/submission", answered).then().statusCode(200);

        JsonNode withdrawn = example("RequestWithdrawn", caseId);   // withdrawn 2025-04-22
        publishAssessmentEvent(withdrawn);
        awaitCaseStatus(pool, caseId, "WITHDRAWN");
        await().atMost(WAIT).until(() -> "CANCELLED".equals(status(open)));

        assertThat(status(answered)).isEqualTo("SUBMITTED");
        var records = adviceEventsOf(caseId).awaitRecords(4, WAIT);
        JsonNode cancelled = read(records.getRecords().get(3).value());
        assertThat(cancelled.get("type").asText()).isEqualTo("AdviceRequestCancelled");
        assertThat(cancelled.get("adviceRequestId").asText()).isEqualTo(open);
        assertThat(cancelled.get("reason").asText()).isEqualTo("CASE_WITHDRAWN");
        assertThat(cancelled.get("businessDate").asText()).isEqualTo("2025-04-22");
        AdviceContractTest.assertMatchesExample(cancelled, "AdviceRequestCancelled");
        records.close();

        // a redelivered withdrawal changes nothing
        publishAssessmentEvent(withdrawn);
        await().atMost(WAIT).until(() -> pool.preparedQuery(
                        "select count(*) as n from processed_event where event_id = $1")
                .execute(Tuple.of(UUID.fromString(withdrawn.get("eventId").asText()))).await().atMost(WAIT)
                .iterator().next().getLong("n") == 1);
        assertThat(events(open, "AdviceRequestCancelled")).isEqualTo(1);

        given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(CASEWORKER))
                .body(Map.of("adviceType", "SOCIAL_CARE", "agencyId", "839-SOC", "requestedDate", "2025-04-23"))
                .when().post("/api/cases/{caseId}/advice-requests", caseId).then()
                .statusCode(422)
                .body("field", equalTo("caseId"))
                .body("detail", containsString("was withdrawn"));
    }

    @Test
    void a_case_concluded_without_a_plan_cancels_its_open_requests() {
        UUID caseId = UUID.randomUUID();
        caseAcceptedForAssessment(pool, caseId);
        String open = request(caseId, "SOCIAL_CARE", "2025-04-11");

        publishAssessmentEvent(example("AssessmentConcluded", caseId, Map.of("outcome", "NO_PLAN")));   // 2025-06-02
        awaitCaseStatus(pool, caseId, "CONCLUDED_WITHOUT_PLAN");
        await().atMost(WAIT).until(() -> "CANCELLED".equals(status(open)));
        given().header("Authorization", TestTokens.bearer(CASEWORKER)).when().get("/api/advice-requests/{id}", open).then()
                .body("cancelledDate", equalTo("2025-06-02"));

        given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(CASEWORKER))
                .body(Map.of("adviceType", "HEALTH", "agencyId", "839-HEA", "requestedDate", "2025-06-02"))
                .when().post("/api/cases/{caseId}/advice-requests", caseId).then()
                .statusCode(422)
                .body("detail", containsString("concluded without a plan"));
    }

    @Test
    void a_case_concluded_with_a_plan_keeps_its_requests() {
        UUID caseId = UUID.randomUUID();
        caseAcceptedForAssessment(pool, caseId);
        String open = request(caseId, "EDUCATION", "2025-04-11");
        var concluded = example("AssessmentConcluded", caseId);   // ISSUE_PLAN
        publishAssessmentEvent(concluded);
        await().atMost(WAIT).until(() -> pool.preparedQuery("select count(*) as n from processed_event where event_id = $1")
                .execute(Tuple.of(UUID.fromString(concluded.get("eventId").asText()))).await().atMost(WAIT)
                .iterator().next().getLong("n") == 1);
        assertThat(status(open)).isEqualTo("REQUESTED");
    }
}
