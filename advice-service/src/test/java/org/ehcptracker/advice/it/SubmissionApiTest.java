package org.ehcptracker.advice.it;

import org.ehcptracker.testtokens.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcptracker.advice.it.Fixtures.WAIT;
import static org.ehcptracker.advice.it.Fixtures.adviceEventsOf;
import static org.ehcptracker.advice.it.Fixtures.caseAcceptedForAssessment;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/** Submission (issue 8 item 4): Idempotency-Key, who may submit, submit against cancel. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "advice"))
class SubmissionApiTest {

    static final String CASEWORKER = "caseworker:jsmith";

    @Inject
    Pool pool;

    /** An accepted case (council 839) with one EP request of 2025-04-11 (due 2025-05-23) to a new agency. */
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

    static ValidatableResponse submit(String id, String actor, String key, Object body) {
        var request = given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(actor)).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/advice-requests/{id}/submission", id).then();
    }

    long events(String id, String type) {
        return pool.preparedQuery("select count(*) as n from event where stream_id = $1 and type = $2")
                .execute(Tuple.of(UUID.fromString(id), type)).await().atMost(WAIT).iterator().next().getLong("n");
    }

    @Test
    void a_retried_submission_gets_the_first_answer_and_records_nothing_more() {
        String[] r = openRequest();
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("submittedDate", "2025-05-20", "summary", "Advice text " + key);

        var first = submit(r[0], "agency:" + r[1], key, body).statusCode(200)
                .header("Idempotent-Replayed", "false")
                .body("status", equalTo("SUBMITTED")).extract().asString();
        var again = submit(r[0], "agency:" + r[1], key, body).statusCode(200)
                .header("Idempotent-Replayed", "true").extract().asString();

        assertThat(again).isEqualTo(first);
        assertThat(events(r[0], "AdviceSubmitted")).isEqualTo(1);
        var records = adviceEventsOf(UUID.fromString(r[2])).awaitRecords(2, WAIT);
        assertThat(records.getRecords()).allSatisfy(rec -> assertThat(rec.value()).doesNotContain("Advice text"));
        records.close();

        // the same key for another body is a mistake, not a retry
        submit(r[0], "agency:" + r[1], key, Map.of("submittedDate", "2025-05-21"))
                .statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("field", equalTo("Idempotency-Key"));
        // without the key, a second submission is the duplicate it is
        submit(r[0], "agency:" + r[1], null, body).statusCode(409).body("detail", containsString("already submitted"));
    }

    @Test
    void two_tries_with_one_key_at_once_record_one_submission_and_both_get_it() {
        String[] r = openRequest();
        String key = UUID.randomUUID().toString();
        List<Integer> statuses = atOnce(() -> submit(r[0], "agency:" + r[1], key, Map.of("submittedDate", "2025-05-20"))
                .extract().statusCode());
        assertThat(statuses).containsExactly(200, 200);
        assertThat(events(r[0], "AdviceSubmitted")).isEqualTo(1);
    }

    @Test
    void another_agency_submitting_is_403_with_the_reason() {
        String[] r = openRequest();
        submit(r[0], "agency:839-HEALTH", UUID.randomUUID().toString(), Map.of("submittedDate", "2025-05-20"))
                .statusCode(403)
                .contentType(containsString("application/problem+json"))
                .body("field", equalTo("agencyId"))
                .body("detail", containsString("only the agency asked can submit"));
        assertThat(events(r[0], "AdviceSubmitted")).isZero();
    }

    @Test
    void submit_and_cancel_at_once_one_wins() {
        String[] r = openRequest();
        CountDownLatch start = new CountDownLatch(1);
        var submitting = CompletableFuture.supplyAsync(() -> {
            await(start);
            return submit(r[0], "agency:" + r[1], UUID.randomUUID().toString(), Map.of("submittedDate", "2025-05-20"))
                    .extract().statusCode();
        });
        var cancelling = CompletableFuture.supplyAsync(() -> {
            await(start);
            return given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(CASEWORKER))
                    .body(Map.of("reason", "EXISTING_ADVICE_REUSED", "cancelledDate", "2025-05-20"))
                    .when().post("/api/advice-requests/{id}/cancellation", r[0]).then().extract().statusCode();
        });
        start.countDown();
        List<Integer> statuses = List.of(submitting.join(), cancelling.join()).stream().sorted().toList();

        assertThat(statuses).containsExactly(200, 409);
        assertThat(events(r[0], "AdviceSubmitted") + events(r[0], "AdviceRequestCancelled")).isEqualTo(1);
    }

    @Test
    void bad_input_is_400_naming_the_field() {
        String[] r = openRequest();
        submit(r[0], "agency:" + r[1], "has spaces in it", Map.of("submittedDate", "2025-05-20"))
                .statusCode(400).body("field", equalTo("Idempotency-Key"));
        submit(r[0], "agency:" + r[1], null, Map.of("submittedDate", "2025-05-20", "summary", "a\u0000b"))
                .statusCode(400).body("violations.field", hasItem(containsString("summary")));
        submit(r[0], "agency:" + r[1], null, Map.of("submittedDate", "2014-08-31"))
                .statusCode(400).body("violations.field", hasItem(containsString("submittedDate")));
        submit(r[0], "agency:" + r[1], null, Map.of("submittedDate", "2099-01-01"))
                .statusCode(422).body("field", equalTo("submittedDate")).body("detail", containsString("in the future"));
        assertThat(events(r[0], "AdviceSubmitted")).isZero();
    }

    static void await(CountDownLatch start) {
        try {
            start.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static List<Integer> atOnce(Supplier<Integer> call) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return call.get();
                })).toList();
        start.countDown();
        return calls.stream().map(CompletableFuture::join).sorted().toList();
    }
}
