package org.ehcptracker.advice.it;

import org.ehcptracker.testtokens.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcptracker.advice.it.Fixtures.WAIT;
import static org.ehcptracker.advice.it.Fixtures.adviceEventsOf;
import static org.ehcptracker.advice.it.Fixtures.caseAcceptedForAssessment;
import static org.ehcptracker.advice.it.Fixtures.read;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.inject.Inject;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/** Returned for rework (item 5) and Reg 8(2) exceptions (item 6), over HTTP and on the topic. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "advice"))
class ReworkAndExceptionApiTest {

    static final String CASEWORKER = "caseworker:jsmith";

    @Inject
    Pool pool;

    static ValidatableResponse post(String path, String id, String actor, Object body) {
        return given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(actor)).body(body)
                .when().post("/api/advice-requests/{id}/" + path, id).then();
    }

    /** An accepted case with an EP request of 2025-04-11 (due 2025-05-23) to a new agency: id, agency, caseId. */
    String[] openRequest() {
        UUID caseId = UUID.randomUUID();
        String agency = "EPS-" + UUID.randomUUID().toString().substring(0, 8);
        caseAcceptedForAssessment(pool, caseId);
        String id = given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(CASEWORKER))
                .body(Map.of("adviceType", "EDUCATIONAL_PSYCHOLOGY", "agencyId", agency, "requestedDate", "2025-04-11"))
                .when().post("/api/cases/{caseId}/advice-requests", caseId).then()
                .statusCode(201).extract().path("adviceRequestId");
        return new String[] {id, agency, caseId.toString()};
    }

    @Test
    void advice_returned_for_rework_is_resubmitted_and_the_first_submission_is_kept() {
        String[] r = openRequest();
        String note = "Please quantify the speech and language therapy " + UUID.randomUUID();
        post("submission", r[0], "agency:" + r[1], Map.of("submittedDate", "2025-05-20")).statusCode(200);

        post("rework", r[0], CASEWORKER, Map.of("reason", "PROVISION_NOT_QUANTIFIED", "returnedDate", "2025-05-22", "note", note))
                .statusCode(200)
                .body("status", equalTo("REQUESTED"))
                .body("returnedForRework", equalTo(true))
                .body("returnedDate", equalTo("2025-05-22"))
                .body("firstSubmittedDate", equalTo("2025-05-20"))
                .body("reworkCount", equalTo(1));
        given().header("Authorization", TestTokens.bearer("agency:" + r[1])).queryParam("status", "returned-for-rework")
                .when().get("/api/agencies/{agencyId}/inbox", r[1]).then()
                .statusCode(200).body("items.adviceRequestId", equalTo(List.of(r[0])));

        post("submission", r[0], "agency:" + r[1], Map.of("submittedDate", "2025-05-30")).statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("submittedDate", equalTo("2025-05-30"))
                .body("firstSubmittedDate", equalTo("2025-05-20"))
                .body("daysLate", equalTo(7));
        post("submission", r[0], "agency:" + r[1], Map.of("submittedDate", "2025-05-31")).statusCode(409);

        var records = adviceEventsOf(UUID.fromString(r[2])).awaitRecords(4, WAIT);
        JsonNode returned = read(records.getRecords().get(2).value());
        assertThat(returned.get("type").asText()).isEqualTo("AdviceReturnedForRework");
        assertThat(returned.get("reason").asText()).isEqualTo("PROVISION_NOT_QUANTIFIED");
        assertThat(returned.get("businessDate").asText()).isEqualTo("2025-05-22");
        AdviceContractTest.assertMatchesExample(returned, "AdviceReturnedForRework");
        assertThat(records.getRecords()).allSatisfy(rec -> assertThat(rec.value()).doesNotContain("quantify"));
        records.close();
    }

    @Test
    void rework_refusals() {
        String[] r = openRequest();
        post("rework", r[0], CASEWORKER, Map.of("reason", "INCOMPLETE", "returnedDate", "2025-05-22"))
                .statusCode(409).body("detail", containsString("has no advice to return"));
        post("rework", r[0], CASEWORKER, Map.of("reason", "because", "returnedDate", "2025-05-22"))
                .statusCode(400).body("field", equalTo("reason"));
        post("rework", r[0], CASEWORKER, Map.of("reason", "INCOMPLETE", "returnedDate", "2025-05-22", "note", "a\u0000b"))
                .statusCode(400).body("violations.field", hasItem(containsString("note")));
        post("rework", UUID.randomUUID().toString(), CASEWORKER, Map.of("reason", "INCOMPLETE", "returnedDate", "2025-05-22"))
                .statusCode(404);
        post("submission", r[0], "agency:" + r[1], Map.of("submittedDate", "2025-05-20")).statusCode(200);
        post("rework", r[0], CASEWORKER, Map.of("reason", "INCOMPLETE", "returnedDate", "2025-05-19"))
                .statusCode(422).body("field", equalTo("returnedDate"));
    }

    @Test
    void an_exception_is_recorded_and_a_school_closure_refused_with_the_reason() {
        String[] r = openRequest();
        post("exceptions", r[0], CASEWORKER, Map.of("reason", "SCHOOL_CLOSURE", "startDate", "2025-04-28"))
                .statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("field", equalTo("reason"))
                .body("detail", containsString("a school closure is not an exception"));
        post("exceptions", r[0], CASEWORKER, Map.of("reason", "HOLIDAY", "startDate", "2025-04-28"))
                .statusCode(400).body("field", equalTo("reason"));
        post("exceptions", r[0], CASEWORKER, Map.of("reason", "ABSENT_FROM_AREA", "startDate", "2025-04-28", "endDate", "2025-05-24"))
                .statusCode(422).body("field", equalTo("endDate"));

        post("exceptions", r[0], CASEWORKER, Map.of("reason", "ABSENT_FROM_AREA", "startDate", "2025-04-28", "endDate", "2025-05-25"))
                .statusCode(200)
                .body("exceptionReason", equalTo("ABSENT_FROM_AREA"));

        var records = adviceEventsOf(UUID.fromString(r[2])).awaitRecords(2, WAIT);
        JsonNode recorded = read(records.getRecords().get(1).value());
        assertThat(recorded.get("type").asText()).isEqualTo("AdviceExceptionRecorded");
        assertThat(recorded.get("reason").asText()).isEqualTo("ABSENT_FROM_AREA");
        AdviceContractTest.assertMatchesExample(recorded, "AdviceExceptionRecorded");
        records.close();
        var row = pool.preparedQuery("select start_date, end_date from advice_exception where advice_request_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(r[0]))).await().atMost(WAIT).iterator().next();
        assertThat(row.getLocalDate("end_date").toString()).isEqualTo("2025-05-25");

        post("submission", r[0], "agency:" + r[1], Map.of("submittedDate", "2025-05-30")).statusCode(200);
        post("exceptions", r[0], CASEWORKER, Map.of("reason", "MISSED_APPOINTMENT", "startDate", "2025-04-28"))
                .statusCode(422).body("detail", containsString("already submitted"));
    }
}
