package org.ehcptracker.assessment.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcptracker.assessment.rest.AssessmentCaseResourceTest.RECEIVED;
import static org.ehcptracker.assessment.rest.AssessmentCaseResourceTest.api;
import static org.ehcptracker.assessment.rest.AssessmentCaseResourceTest.recordCase;
import static org.ehcptracker.assessment.rest.AssessmentCaseResourceTest.requestBody;
import static org.ehcptracker.assessment.rest.ExceptionsTransfersDisputesResourceTest.exceptionBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.kit.app.IdempotentCreates;
import org.ehcptracker.testtokens.IdempotentCreateChecks;
import org.ehcptracker.testtokens.TestTokens;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on the creates (issue 14): a retried create never makes a second record. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
class IdempotentCreateTest {

    @Inject
    Pool pool;

    @Inject
    IdempotentCreates creates;

    /** A request without a caseId: the service picks the id, so only the key can make the retry safe. */
    static Map<String, Object> bodyWithoutCaseId(String childRef) {
        Map<String, Object> body = requestBody(UUID.randomUUID());
        body.remove("caseId");
        body.put("childRef", childRef);
        return body;
    }

    long casesFor(String childRef) {
        return pool.preparedQuery("select count(*) from event where type = 'AssessmentRequested' and payload->>'childRef' = $1")
                .execute(Tuple.of(childRef)).await().indefinitely().iterator().next().getLong(0);
    }

    static String newChildRef() {
        return "C-IDEM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void a_create_retried_with_the_same_key_gets_the_first_answer_and_makes_one_case() {
        String childRef = newChildRef();
        Response first = IdempotentCreateChecks.retriedWithOneKey(AssessmentCaseResourceTest::api, "/api/cases",
                bodyWithoutCaseId(childRef), 201);

        assertThat(first.header("Location")).endsWith("/api/cases/" + first.jsonPath().getString("caseId"));
        assertThat(casesFor(childRef)).isEqualTo(1);
    }

    @Test
    void four_requests_with_one_key_at_once_make_one_case_and_all_get_its_answer() throws Exception {
        String childRef = newChildRef();
        List<Response> answers = IdempotentCreateChecks.concurrentlyWithOneKey(AssessmentCaseResourceTest::api, "/api/cases",
                bodyWithoutCaseId(childRef), 201, 4);

        assertThat(answers).extracting(a -> a.jsonPath().getString("caseId")).containsOnly(answers.get(0).jsonPath().getString("caseId"));
        assertThat(casesFor(childRef)).isEqualTo(1);
    }

    @Test
    void the_same_key_with_another_body_is_422_naming_the_header_and_records_nothing_more() {
        String childRef = newChildRef();
        Map<String, Object> other = bodyWithoutCaseId(childRef);
        other.put("receivedDate", RECEIVED.minusDays(1).toString());

        IdempotentCreateChecks.otherRequestWithTheKeyIsRefused(AssessmentCaseResourceTest::api, "/api/cases",
                bodyWithoutCaseId(childRef), other, 201);

        assertThat(casesFor(childRef)).isEqualTo(1);
    }

    @Test
    void a_malformed_key_is_400_naming_the_header_and_records_nothing() {
        String childRef = newChildRef();

        IdempotentCreateChecks.badKeysAreRefused(AssessmentCaseResourceTest::api, "/api/cases", bodyWithoutCaseId(childRef));

        assertThat(casesFor(childRef)).isZero();
    }

    @Test
    void another_callers_identical_key_is_their_own_and_never_replays_the_first_answer() {
        String key = IdempotentCreateChecks.newKey();
        String childRef = newChildRef();
        String mine = api().header(IdempotentCreates.HEADER, key).body(bodyWithoutCaseId(childRef)).post("/api/cases")
                .then().statusCode(201).extract().path("caseId");

        String theirs = io.restassured.RestAssured.given().header("Authorization", TestTokens.bearer("caseworker:someone-else"))
                .contentType(ContentType.JSON).header(IdempotentCreates.HEADER, key).body(bodyWithoutCaseId(childRef))
                .post("/api/cases").then().statusCode(201).header("Idempotent-Replayed", "false").extract().path("caseId");

        assertThat(theirs).isNotEqualTo(mine);
        assertThat(casesFor(childRef)).isEqualTo(2);
    }

    @Test
    void without_a_key_a_create_is_answered_as_before_with_no_replay_header() {
        String childRef = newChildRef();
        api().body(bodyWithoutCaseId(childRef)).post("/api/cases").then().statusCode(201)
                .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
        assertThat(casesFor(childRef)).isEqualTo(1);
    }

    @Test
    void an_exception_retried_with_the_same_key_is_recorded_once() {
        UUID caseId = recordCase();
        Map<String, Object> body = exceptionBody(null, "FINAL_PLAN_20_WEEKS", "ABSENT_FROM_AREA", RECEIVED.plusDays(3), null, null);

        IdempotentCreateChecks.retriedWithOneKey(AssessmentCaseResourceTest::api, "/api/cases/" + caseId + "/exceptions", body, 201)
                .then().body("exceptions", org.hamcrest.Matchers.hasSize(1));

        assertThat(pool.preparedQuery("select count(*) from event where stream_id = $1 and type = 'ExceptionRecorded'")
                .execute(Tuple.of(caseId)).await().indefinitely().iterator().next().getLong(0)).isEqualTo(1);
    }

    @Test
    void keys_past_their_retention_are_purged_and_no_longer_replay() {
        String key = IdempotentCreateChecks.newKey();
        String childRef = newChildRef();
        api().header(IdempotentCreates.HEADER, key).body(bodyWithoutCaseId(childRef)).post("/api/cases").then().statusCode(201);
        pool.preparedQuery("update request_idempotency set recorded_at = now() - interval '25 hours' where idempotency_key = $1")
                .execute(Tuple.of(key)).await().indefinitely();

        assertThat(creates.purge().await().indefinitely()).isGreaterThanOrEqualTo(1);

        assertThat(pool.preparedQuery("select count(*) from request_idempotency where idempotency_key = $1")
                .execute(Tuple.of(key)).await().indefinitely().iterator().next().getLong(0)).isZero();
        api().header(IdempotentCreates.HEADER, key).body(bodyWithoutCaseId(childRef)).post("/api/cases").then().statusCode(201)
                .header("Idempotent-Replayed", "false");
        assertThat(casesFor(childRef)).isEqualTo(2);
    }

    @Test
    void replays_and_refusals_are_counted_by_outcome() {
        String childRef = newChildRef();
        Map<String, Object> other = bodyWithoutCaseId(childRef);
        other.put("receivedDate", RECEIVED.minusDays(2).toString());
        IdempotentCreateChecks.retriedWithOneKey(AssessmentCaseResourceTest::api, "/api/cases", bodyWithoutCaseId(childRef), 201);
        IdempotentCreateChecks.otherRequestWithTheKeyIsRefused(AssessmentCaseResourceTest::api, "/api/cases",
                bodyWithoutCaseId(newChildRef()), other, 201);

        String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("ehcp_idempotency_total\\{[^}]*outcome=\"replayed\"[^}]*} [1-9]")
                .containsPattern("ehcp_idempotency_total\\{[^}]*outcome=\"refused\"[^}]*} [1-9]")
                .containsPattern("ehcp_idempotency_total\\{[^}]*outcome=\"recorded\"[^}]*} [1-9]");
    }

    @Test
    void the_openapi_document_names_the_header_on_every_create() {
        assertThat(IdempotentCreateChecks.createsDocumentingTheHeader())
                .containsExactlyInAnyOrder("/api/cases", "/api/cases/{caseId}/exceptions", "/api/cases/{caseId}/disputes");
    }
}
