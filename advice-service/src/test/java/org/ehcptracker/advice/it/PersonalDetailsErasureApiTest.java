package org.ehcptracker.advice.it;

import org.ehcptracker.testtokens.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ehcptracker.advice.it.Fixtures.WAIT;
import static org.ehcptracker.advice.it.Fixtures.caseAcceptedForAssessment;
import static org.ehcptracker.advice.it.Fixtures.example;
import static org.ehcptracker.advice.it.Fixtures.processedCount;
import static org.ehcptracker.advice.it.Fixtures.publishAssessmentEvent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/**
 * assessment-service's PersonalDetailsErased (read from the topic) erases the case's free text here: the advice
 * summary and the rework note become null; the codes, dates and actors stay; another case's text is untouched.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "advice"))
class PersonalDetailsErasureApiTest {

    static final String CASEWORKER = "caseworker:jsmith";

    @Inject
    Pool pool;

    /** An accepted case, an EP request (11 Apr 2025) submitted on 20 May with a summary, returned on 22 May with a note. */
    String adviceWithText(UUID caseId, String text) {
        String agency = "EPS-" + UUID.randomUUID().toString().substring(0, 8);
        caseAcceptedForAssessment(pool, caseId);
        String id = given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(CASEWORKER))
                .body(Map.of("adviceType", "EDUCATIONAL_PSYCHOLOGY", "agencyId", agency, "requestedDate", "2025-04-11"))
                .when().post("/api/cases/{caseId}/advice-requests", caseId).then()
                .statusCode(201).extract().path("adviceRequestId");
        given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer("agency:" + agency))
                .body(Map.of("submittedDate", "2025-05-20", "summary", "Summary about " + text))
                .when().post("/api/advice-requests/{id}/submission", id).then().statusCode(200);
        given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(CASEWORKER))
                .body(Map.of("reason", "PROVISION_NOT_QUANTIFIED", "returnedDate", "2025-05-22", "note", "Note about " + text))
                .when().post("/api/advice-requests/{id}/rework", id).then().statusCode(200);
        return id;
    }

    Row submission(String id) {
        return pool.preparedQuery("select summary, submitted_by from advice_submission where advice_request_id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(WAIT).iterator().next();
    }

    Row rework(String id) {
        return pool.preparedQuery("select note, reason, returned_date, returned_by from advice_rework where advice_request_id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(WAIT).iterator().next();
    }

    @Test
    void the_summary_and_the_rework_note_are_erased_and_the_codes_and_dates_stay() {
        UUID caseId = UUID.randomUUID();
        UUID otherCase = UUID.randomUUID();
        String id = adviceWithText(caseId, "Sam Example");
        String other = adviceWithText(otherCase, "Alex Example");
        assertThat(submission(id).getString("summary")).contains("Sam Example");

        ObjectNode erased = example("PersonalDetailsErased", caseId);
        publishAssessmentEvent(erased);

        await().atMost(WAIT).until(() -> processedCount(pool, UUID.fromString(erased.get("eventId").asText())) == 1);
        assertThat(submission(id).getString("summary")).isNull();
        assertThat(submission(id).getString("submitted_by")).isNotBlank();
        Row r = rework(id);
        assertThat(r.getString("note")).isNull();
        assertThat(r.getString("reason")).isEqualTo("PROVISION_NOT_QUANTIFIED");
        assertThat(r.getLocalDate("returned_date")).hasToString("2025-05-22");
        assertThat(r.getString("returned_by")).isEqualTo(CASEWORKER);
        // the request itself and the case's status are unchanged
        given().header("Authorization", TestTokens.bearer(CASEWORKER)).when().get("/api/advice-requests/{id}", id).then().statusCode(200);
        assertThat(Fixtures.caseStatus(pool, caseId)).isEqualTo("ASSESSING");
        // another case keeps its text
        assertThat(submission(other).getString("summary")).contains("Alex Example");
        assertThat(rework(other).getString("note")).contains("Alex Example");
    }

    @Test
    void a_repeated_erasure_and_one_for_a_case_never_seen_are_processed_without_error() {
        UUID caseId = UUID.randomUUID();
        String id = adviceWithText(caseId, "Jo Example");
        ObjectNode first = example("PersonalDetailsErased", caseId);
        ObjectNode second = example("PersonalDetailsErased", caseId);
        ObjectNode unknown = example("PersonalDetailsErased", UUID.randomUUID());

        publishAssessmentEvent(first);
        publishAssessmentEvent(second);
        publishAssessmentEvent(unknown);

        for (ObjectNode e : new ObjectNode[] {first, second, unknown}) {
            UUID eventId = UUID.fromString(e.get("eventId").asText());
            await().atMost(WAIT).until(() -> processedCount(pool, eventId) == 1);
        }
        assertThat(submission(id).getString("summary")).isNull();
        long deadLetters = pool.preparedQuery("select count(*) as n from dead_letter where payload like $1")
                .execute(Tuple.of("%" + caseId + "%")).await().atMost(WAIT).iterator().next().getLong("n");
        assertThat(deadLetters).isZero();
    }
}
