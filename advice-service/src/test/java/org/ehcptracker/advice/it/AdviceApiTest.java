package org.ehcptracker.advice.it;

import org.ehcptracker.testtokens.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcptracker.advice.it.Fixtures.WAIT;
import static org.ehcptracker.advice.it.Fixtures.adviceEventsOf;
import static org.ehcptracker.advice.it.Fixtures.awaitCaseStatus;
import static org.ehcptracker.advice.it.Fixtures.caseAcceptedForAssessment;
import static org.ehcptracker.advice.it.Fixtures.example;
import static org.ehcptracker.advice.it.Fixtures.publishAssessmentEvent;
import static org.ehcptracker.advice.it.Fixtures.read;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/** The HTTP API against real PostgreSQL and Kafka: commands, events on the topic, refusals. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "advice"))
class AdviceApiTest {

    static final String CASEWORKER = "caseworker:jsmith";

    @Inject
    Pool pool;

    static String newAgency() {
        return "EPS-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> adviceBody(String adviceType, String agencyId, String requestedDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("adviceType", adviceType);
        body.put("agencyId", agencyId);
        body.put("requestedDate", requestedDate);
        return body;
    }

    static ValidatableResponse postAdviceRequest(UUID caseId, Object body) {
        return given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(CASEWORKER)).body(body)
                .when().post("/api/cases/{caseId}/advice-requests", caseId)
                .then();
    }

    static ValidatableResponse submit(String adviceRequestId, String actor, Object body) {
        return given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(actor)).body(body)
                .when().post("/api/advice-requests/{id}/submission", adviceRequestId)
                .then();
    }

    /** An accepted case with one EP advice request of 2025-04-11 to {@code agency}; returns its id. */
    String openAdviceRequest(UUID caseId, String agency) {
        caseAcceptedForAssessment(pool, caseId);
        return postAdviceRequest(caseId, adviceBody("EDUCATIONAL_PSYCHOLOGY", agency, "2025-04-11"))
                .statusCode(201)
                .extract().path("adviceRequestId");
    }

    @Test
    void requesting_advice_answers_201_and_publishes_AdviceRequested_keyed_by_the_case() {
        UUID caseId = UUID.randomUUID();
        String agency = newAgency();
        caseAcceptedForAssessment(pool, caseId);

        var created = postAdviceRequest(caseId, adviceBody("EDUCATIONAL_PSYCHOLOGY", agency, "2025-04-11"))
                .statusCode(201)
                .body("dueDate", equalTo("2025-05-23"))
                .body("status", equalTo("REQUESTED"))
                .extract();
        String id = created.path("adviceRequestId");
        assertThat(created.header("Location")).endsWith("/api/advice-requests/" + id);

        given().header("Authorization", TestTokens.bearer(CASEWORKER)).when().get("/api/advice-requests/{id}", id).then()
                .statusCode(200)
                .body("adviceRequestId", equalTo(id))
                .body("caseId", equalTo(caseId.toString()))
                .body("adviceType", equalTo("EDUCATIONAL_PSYCHOLOGY"))
                .body("agencyId", equalTo(agency))
                .body("requestedDate", equalTo("2025-04-11"))
                // 11 April + 42 days = 23 May (19 days to 30 April, 23 into May)
                .body("dueDate", equalTo("2025-05-23"))
                .body("status", equalTo("REQUESTED"))
                .body("submittedDate", equalTo(null))
                // still open long after its due date
                .body("late", equalTo(true));

        var records = adviceEventsOf(caseId).awaitRecords(1, WAIT);
        ConsumerRecord<String, String> record = records.getRecords().get(0);
        assertThat(record.key()).isEqualTo(caseId.toString());
        JsonNode event = read(record.value());
        assertThat(event.get("type").asText()).isEqualTo("AdviceRequested");
        assertThat(event.get("caseId").asText()).isEqualTo(caseId.toString());
        assertThat(event.get("adviceRequestId").asText()).isEqualTo(id);
        assertThat(event.get("localAuthorityCode").asText()).isEqualTo("839");
        assertThat(event.get("businessDate").asText()).isEqualTo("2025-04-11");
        assertThat(event.get("dueDate").asText()).isEqualTo("2025-05-23");
        assertThat(event.get("adviceType").asText()).isEqualTo("EDUCATIONAL_PSYCHOLOGY");
        assertThat(event.get("agencyId").asText()).isEqualTo(agency);
        records.close();

        given().header("Authorization", TestTokens.bearer("agency:" + agency)).queryParam("agencyId", agency)
                .when().get("/api/advice-requests").then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].adviceRequestId", equalTo(id))
                .body("[0].dueDate", equalTo("2025-05-23"));
        given().header("Authorization", TestTokens.bearer(CASEWORKER)).when().get("/api/cases/{caseId}/advice-requests", caseId).then()
                .statusCode(200)
                .body("adviceRequestId", equalTo(List.of(id)));
    }

    @Test
    void the_agency_submits_and_AdviceSubmitted_is_published_without_the_summary_then_a_duplicate_is_409() {
        UUID caseId = UUID.randomUUID();
        String agency = newAgency();
        String id = openAdviceRequest(caseId, agency);
        String summary = "Needs a quiet space; speech and language input weekly " + UUID.randomUUID();

        submit(id, "agency:" + agency, Map.of("submittedDate", "2025-05-20", "summary", summary))
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("submittedDate", equalTo("2025-05-20"))
                .body("late", equalTo(false));

        var records = adviceEventsOf(caseId).awaitRecords(2, WAIT);
        JsonNode submitted = read(records.getRecords().get(1).value());
        assertThat(submitted.get("type").asText()).isEqualTo("AdviceSubmitted");
        assertThat(submitted.get("adviceRequestId").asText()).isEqualTo(id);
        assertThat(submitted.get("businessDate").asText()).isEqualTo("2025-05-20");
        assertThat(submitted.get("agencyId").asText()).isEqualTo(agency);
        assertThat(submitted.get("adviceType").asText()).isEqualTo("EDUCATIONAL_PSYCHOLOGY");
        assertThat(records.getRecords()).allSatisfy(r -> assertThat(r.value()).doesNotContain(summary));
        records.close();

        given().header("Authorization", TestTokens.bearer(CASEWORKER)).when().get("/api/advice-requests/{id}/submission", id).then()
                .statusCode(200)
                .body("summary", equalTo(summary))
                .body("submittedBy", equalTo("agency:" + agency))
                .body("submittedDate", equalTo("2025-05-20"));

        submit(id, "agency:" + agency, Map.of("submittedDate", "2025-05-21"))
                .statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("already submitted on 2025-05-20"));
    }

    @Test
    void advice_submitted_after_the_due_date_is_late() {
        UUID caseId = UUID.randomUUID();
        String agency = newAgency();
        String id = openAdviceRequest(caseId, agency);
        submit(id, CASEWORKER, Map.of("submittedDate", "2025-05-24")).statusCode(200).body("late", equalTo(true));
    }

    @Test
    void only_the_agency_asked_may_submit() {
        String id = openAdviceRequest(UUID.randomUUID(), newAgency());
        submit(id, "agency:839-HEALTH", Map.of("submittedDate", "2025-05-20"))
                .statusCode(403)
                .body("field", equalTo("agencyId"))
                .body("detail", containsString("only the agency asked can submit"));
    }

    @Test
    void advice_dated_before_the_request_is_422() {
        String id = openAdviceRequest(UUID.randomUUID(), newAgency());
        submit(id, CASEWORKER, Map.of("submittedDate", "2025-04-10"))
                .statusCode(422)
                .body("field", equalTo("submittedDate"));
    }

    @Test
    void two_submissions_at_once_one_wins_the_other_gets_409() throws Exception {
        String agency = newAgency();
        String id = openAdviceRequest(UUID.randomUUID(), agency);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = List.of("2025-05-19", "2025-05-20").stream()
                .map(date -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return submit(id, "agency:" + agency, Map.of("submittedDate", date)).extract().statusCode();
                }))
                .toList();
        start.countDown();
        List<Integer> statuses = calls.stream().map(CompletableFuture::join).sorted().toList();

        assertThat(statuses).containsExactly(200, 409);
        given().header("Authorization", TestTokens.bearer(CASEWORKER)).when().get("/api/advice-requests/{id}", id).then()
                .body("status", equalTo("SUBMITTED"));
        // exactly one AdviceSubmitted in the stream (and so on the topic)
        long submittedEvents = pool.preparedQuery("select count(*) as n from event where stream_id = $1 and type = 'AdviceSubmitted'")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(id))).await().atMost(WAIT)
                .iterator().next().getLong("n");
        assertThat(submittedEvents).isEqualTo(1);
    }

    @Test
    void cancelling_publishes_AdviceRequestCancelled_and_then_advice_cannot_be_submitted() {
        UUID caseId = UUID.randomUUID();
        String agency = newAgency();
        String id = openAdviceRequest(caseId, agency);
        String note = "Jane Smith's EP report of March 2025 reused\nwith her parents' agreement (Reg 6(4))";

        given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(CASEWORKER))
                .body(Map.of("reason", "EXISTING_ADVICE_REUSED", "note", note, "cancelledDate", "2025-04-14"))
                .when().post("/api/advice-requests/{id}/cancellation", id).then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("late", equalTo(false))
                .body("cancellationNote", equalTo(note));

        var records = adviceEventsOf(caseId).awaitRecords(2, WAIT);
        String published = records.getRecords().get(1).value();
        JsonNode cancelled = read(published);
        assertThat(cancelled.get("type").asText()).isEqualTo("AdviceRequestCancelled");
        assertThat(cancelled.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(cancelled.get("reason").asText()).isEqualTo("EXISTING_ADVICE_REUSED");
        assertThat(cancelled.get("businessDate").asText()).isEqualTo("2025-04-14");
        AdviceContractTest.assertMatchesExample(cancelled, "AdviceRequestCancelled");
        // the note is on no event: not on the topic, not in the event store
        assertThat(published).doesNotContain("Jane").doesNotContain("March").doesNotContain("parents");
        records.close();
        long storedWithNote = pool.preparedQuery("select count(*) as n from event where stream_id = $1 and payload::text like '%Jane%'")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(id))).await().atMost(WAIT)
                .iterator().next().getLong("n");
        assertThat(storedWithNote).isZero();

        // council staff see the note; the agency does not
        given().header("Authorization", TestTokens.bearer(CASEWORKER)).when().get("/api/advice-requests/{id}", id).then()
                .statusCode(200).body("cancellationNote", equalTo(note));
        given().header("Authorization", TestTokens.bearer("agency:" + agency)).when().get("/api/advice-requests/{id}", id).then()
                .statusCode(200).body("status", equalTo("CANCELLED")).body("cancellationNote", nullValue());

        submit(id, "agency:" + agency, Map.of("submittedDate", "2025-05-20"))
                .statusCode(409)
                .body("detail", containsString("was cancelled on 2025-04-14"));
    }

    @Test
    void a_cancellation_with_a_bad_reason_or_note_is_400_naming_the_field_and_cancels_nothing() {
        UUID caseId = UUID.randomUUID();
        String id = openAdviceRequest(caseId, newAgency());
        cancel(id, Map.of("reason", "Existing advice reused with agreement (Reg 6(4))"))
                .statusCode(400).contentType(containsString("application/problem+json")).body("field", equalTo("reason"));
        cancel(id, Map.of("note", "no reason given"))
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("violations.field", hasItem(containsString("reason")));
        cancel(id, Map.of("reason", "CASE_WITHDRAWN"))
                .statusCode(400).contentType(containsString("application/problem+json")).body("field", equalTo("reason"))
                .body("detail", containsString("written by advice-service itself"));
        cancel(id, Map.of("reason", "OTHER", "note", "a\u0000b"))
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("violations.field", hasItem(containsString("note")));
        given().header("Authorization", TestTokens.bearer(CASEWORKER)).when().get("/api/advice-requests/{id}", id).then()
                .body("status", equalTo("REQUESTED")).body("cancellationNote", nullValue());

        // without a note: cancelled, and the view's note stays empty
        cancel(id, Map.of("reason", "SENT_TO_WRONG_AGENCY")).statusCode(200).body("cancellationNote", nullValue());
        var records = adviceEventsOf(caseId).awaitRecords(2, WAIT);
        assertThat(read(records.getRecords().get(1).value()).get("reason").asText()).isEqualTo("SENT_TO_WRONG_AGENCY");
        records.close();
        given().header("Authorization", TestTokens.bearer(CASEWORKER)).when().get("/api/advice-requests/{id}", id).then()
                .body("status", equalTo("CANCELLED")).body("cancellationNote", nullValue());
    }

    @Test
    void a_v1_cancellation_with_free_text_stored_in_the_event_table_still_loads() {
        // a database written before AdviceRequestCancelled v2: the request's stream ends with a v1 cancellation
        // whose reason is a caseworker's text; the aggregate loads it through the upcaster (as OTHER)
        UUID caseId = UUID.randomUUID();
        String agency = newAgency();
        String id = openAdviceRequest(caseId, agency);
        UUID eventId = UUID.randomUUID();
        String v1 = """
                {"type":"AdviceRequestCancelled","eventId":"%s","caseId":"%s","localAuthorityCode":"839",
                 "businessDate":"2025-04-14","occurredAt":"2025-04-14T12:30:02Z","schemaVersion":1,
                 "adviceRequestId":"%s","reason":"Zebedee's EP report reused"}""".formatted(eventId, caseId, id);
        pool.preparedQuery("""
                        insert into event (event_id, stream_id, stream_version, case_id, type, schema_version, payload,
                                           metadata, occurred_at)
                        values ($1, $2, 2, $3, 'AdviceRequestCancelled', 1, cast(cast($4 as text) as jsonb),
                                cast('{"actor":"caseworker:jsmith"}' as jsonb), $5)""")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(eventId, UUID.fromString(id), caseId, v1,
                        java.time.OffsetDateTime.parse("2025-04-14T12:30:02Z")))
                .await().atMost(WAIT);

        submit(id, "agency:" + agency, Map.of("submittedDate", "2025-05-20"))
                .statusCode(409)
                .body("detail", containsString("was cancelled on 2025-04-14"));
        cancel(id, Map.of("reason", "OTHER"))
                .statusCode(409)
                .body("detail", containsString("already cancelled on 2025-04-14"));
    }

    private static io.restassured.response.ValidatableResponse cancel(String id, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(CASEWORKER)).body(body)
                .when().post("/api/advice-requests/{id}/cancellation", id).then();
    }

    @Test
    void a_case_advice_service_has_not_seen_is_422_with_a_clear_message() {
        UUID caseId = UUID.randomUUID();
        postAdviceRequest(caseId, adviceBody("HEALTH", newAgency(), "2025-04-11"))
                .statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("field", equalTo("caseId"))
                .body("detail", equalTo("advice-service has not seen case " + caseId
                        + " accepted for assessment (no AssessmentDecided to assess has arrived yet)"));
    }

    @Test
    void a_refused_case_is_422() {
        UUID caseId = UUID.randomUUID();
        publishAssessmentEvent(example("AssessmentRequested", caseId));
        publishAssessmentEvent(example("AssessmentDecided", caseId,
                Map.of("decision", "REFUSE", "refusalReason", "NEEDS_MET_FROM_AVAILABLE_RESOURCES")));
        awaitCaseStatus(pool, caseId, "REFUSED");

        postAdviceRequest(caseId, adviceBody("HEALTH", newAgency(), "2025-04-11"))
                .statusCode(422)
                .body("field", equalTo("caseId"))
                .body("detail", containsString("was refused an EHC needs assessment"));
    }

    @Test
    void a_case_not_yet_decided_is_422() {
        UUID caseId = UUID.randomUUID();
        publishAssessmentEvent(example("AssessmentRequested", caseId));
        awaitCaseStatus(pool, caseId, "REQUESTED");

        postAdviceRequest(caseId, adviceBody("HEALTH", newAgency(), "2025-04-11"))
                .statusCode(422)
                .body("detail", containsString("has not yet been decided"));
    }

    @Test
    void advice_requested_before_the_assessment_request_was_received_is_422_on_requestedDate() {
        UUID caseId = UUID.randomUUID();
        caseAcceptedForAssessment(pool, caseId);
        postAdviceRequest(caseId, adviceBody("HEALTH", newAgency(), "2025-03-02"))
                .statusCode(422)
                .body("field", equalTo("requestedDate"))
                .body("detail", containsString("before 2025-03-03"));
    }

    @Test
    void an_unknown_advice_request_is_404() {
        String unknown = UUID.randomUUID().toString();
        submit(unknown, CASEWORKER, Map.of("submittedDate", "2025-05-20"))
                .statusCode(404)
                .body("detail", containsString("there is no advice request " + unknown));
        given().header("Authorization", TestTokens.bearer(CASEWORKER)).when().get("/api/advice-requests/{id}", unknown).then().statusCode(404);
        given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(CASEWORKER)).body(Map.of("reason", "NO_LONGER_NEEDED"))
                .when().post("/api/advice-requests/{id}/cancellation", unknown).then().statusCode(404);
    }

    @Test
    void an_unknown_advice_type_is_400_naming_adviceType() {
        postAdviceRequest(UUID.randomUUID(), adviceBody("ASTROLOGY", newAgency(), "2025-04-11"))
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("field", equalTo("adviceType"))
                .body("detail", containsString("ASTROLOGY"))
                .body("detail", containsString("EDUCATIONAL_PSYCHOLOGY"));
    }

    @Test
    void a_missing_requested_date_is_400_naming_requestedDate() {
        postAdviceRequest(UUID.randomUUID(), adviceBody("HEALTH", newAgency(), null))
                .statusCode(400)
                .body("violations.field", hasItem(containsString("requestedDate")));
    }

    @Test
    void a_request_without_a_token_is_401() {
        given().contentType(ContentType.JSON).body(adviceBody("HEALTH", newAgency(), "2025-04-11"))
                .when().post("/api/cases/{caseId}/advice-requests", UUID.randomUUID()).then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().when().get("/api/advice-requests?agencyId=839-EPS").then().statusCode(401);
    }

    @Test
    void the_inbox_needs_an_agency() {
        given().header("Authorization", TestTokens.bearer(CASEWORKER)).when().get("/api/advice-requests").then()
                .statusCode(400)
                .body("field", equalTo("agencyId"));
    }
}
