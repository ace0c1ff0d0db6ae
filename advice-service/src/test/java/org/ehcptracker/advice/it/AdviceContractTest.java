package org.ehcptracker.advice.it;

import org.ehcptracker.testtokens.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ehcptracker.advice.it.Fixtures.WAIT;
import static org.ehcptracker.advice.it.Fixtures.adviceEventsOf;
import static org.ehcptracker.advice.it.Fixtures.awaitCaseStatus;
import static org.ehcptracker.advice.it.Fixtures.caseRow;
import static org.ehcptracker.advice.it.Fixtures.caseStatus;
import static org.ehcptracker.advice.it.Fixtures.example;
import static org.ehcptracker.advice.it.Fixtures.processedCount;
import static org.ehcptracker.advice.it.Fixtures.publishAssessmentEvent;
import static org.ehcptracker.advice.it.Fixtures.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ehcptracker.contracts.ContractExamples;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/**
 * Contract tests. Producer: what advice-service puts on ehcp.advice.events has exactly the fields
 * of the checked-in examples, with the same JSON types. Consumer: the assessment examples, as
 * published, feed the local view, and a redelivery changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "advice"))
class AdviceContractTest {

    @Inject
    Pool pool;

    // ------------------------------------------------------------------ producer side

    @Test
    void published_AdviceRequested_and_AdviceSubmitted_match_the_contract_examples() {
        UUID caseId = UUID.randomUUID();
        String agency = "839-EPS";
        Fixtures.caseAcceptedForAssessment(pool, caseId);
        String id = given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer("caseworker:jsmith"))
                .body(Map.of("adviceType", "EDUCATIONAL_PSYCHOLOGY", "agencyId", agency, "requestedDate", "2025-04-11"))
                .when().post("/api/cases/{caseId}/advice-requests", caseId)
                .then().statusCode(201).extract().path("adviceRequestId");
        given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer("agency:" + agency))
                .body(Map.of("submittedDate", "2025-05-20", "summary", "kept here only"))
                .when().post("/api/advice-requests/{id}/submission", id)
                .then().statusCode(200);

        var records = adviceEventsOf(caseId).awaitRecords(2, WAIT);
        JsonNode requested = read(records.getRecords().get(0).value());
        JsonNode submitted = read(records.getRecords().get(1).value());
        records.close();

        assertMatchesExample(requested, "AdviceRequested");
        assertMatchesExample(submitted, "AdviceSubmitted");
    }

    static void assertMatchesExample(JsonNode actual, String type) {
        JsonNode example = read(ContractExamples.json(type));
        assertThat(actual.get("type").asText()).isEqualTo(type);
        assertThat(fieldNames(actual)).as(type + " field names").isEqualTo(fieldNames(example));
        example.fields().forEachRemaining(field -> {
            JsonNode mine = actual.get(field.getKey());
            if (!field.getValue().isNull() && !mine.isNull()) {
                assertThat(mine.getNodeType()).as(type + "." + field.getKey()).isEqualTo(field.getValue().getNodeType());
            }
        });
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    // ------------------------------------------------------------------ consumer side

    @Test
    void the_assessment_examples_feed_the_local_view() {
        UUID caseId = UUID.randomUUID();
        publishAssessmentEvent(example("AssessmentRequested", caseId));
        awaitCaseStatus(pool, caseId, "REQUESTED");
        var row = caseRow(pool, caseId);
        assertThat(row.getString("local_authority_code")).isEqualTo("839");
        assertThat(row.getLocalDate("received_date")).isEqualTo(LocalDate.of(2025, 3, 3));

        publishAssessmentEvent(example("AssessmentDecided", caseId));
        awaitCaseStatus(pool, caseId, "ASSESSING");

        publishAssessmentEvent(example("RequestWithdrawn", caseId));
        awaitCaseStatus(pool, caseId, "WITHDRAWN");
        assertThat(caseRow(pool, caseId).getLocalDate("received_date")).isEqualTo(LocalDate.of(2025, 3, 3));
    }

    @Test
    void the_same_event_delivered_twice_changes_the_view_once() {
        UUID caseId = UUID.randomUUID();
        ObjectNode decided = example("AssessmentDecided", caseId);
        UUID decidedId = UUID.fromString(decided.get("eventId").asText());
        ObjectNode withdrawn = example("RequestWithdrawn", caseId);
        ObjectNode ignored = example("ExceptionRecorded", caseId);
        UUID ignoredId = UUID.fromString(ignored.get("eventId").asText());

        publishAssessmentEvent(example("AssessmentRequested", caseId));
        publishAssessmentEvent(decided);
        publishAssessmentEvent(withdrawn);
        // the decision again: applied a second time it would put the case back to ASSESSING
        publishAssessmentEvent(decided);
        // an event this view ignores, after the redelivery on the same partition: once it is
        // processed, the redelivery before it has been too
        publishAssessmentEvent(ignored);

        await().atMost(WAIT).until(() -> processedCount(pool, ignoredId) == 1);
        assertThat(caseStatus(pool, caseId)).isEqualTo("WITHDRAWN");
        assertThat(processedCount(pool, decidedId)).isEqualTo(1);
    }

    @Test
    void an_event_the_view_cannot_hold_is_parked_and_does_not_block_the_partition() {
        UUID caseId = UUID.randomUUID();
        // a date PostgreSQL's date type cannot hold (before 4713 BC): no retry will ever apply it
        ObjectNode impossible = example("AssessmentRequested", caseId, Map.of("businessDate", "-5000-01-06"));
        UUID impossibleId = UUID.fromString(impossible.get("eventId").asText());
        ObjectNode decided = example("AssessmentDecided", caseId);
        UUID decidedId = UUID.fromString(decided.get("eventId").asText());

        publishAssessmentEvent(impossible);
        publishAssessmentEvent(decided); // same key, same partition, behind the bad record

        await().atMost(WAIT).until(() -> processedCount(pool, decidedId) == 1);
        var parked = pool.preparedQuery("select type, error from dead_letter where consumer = $1 and event_id = $2")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(org.ehcptracker.advice.messaging.AssessmentEventsConsumer.CONSUMER,
                        impossibleId))
                .await().atMost(WAIT);
        assertThat(parked.rowCount()).isEqualTo(1);
        var row = parked.iterator().next();
        assertThat(row.getString("type")).isEqualTo("AssessmentRequested");
        assertThat(row.getString("error")).containsIgnoringCase("out of range");
        assertThat(processedCount(pool, impossibleId)).isZero();
    }

    @Test
    void an_event_type_this_version_does_not_know_is_parked_for_replay_not_lost() {
        UUID caseId = UUID.randomUUID();
        // as a newer assessment-service might publish before this consumer is upgraded
        ObjectNode newer = example("RequestWithdrawn", caseId);
        newer.put("type", "AssessmentPaused");
        UUID newerId = UUID.fromString(newer.get("eventId").asText());
        ObjectNode requested = example("AssessmentRequested", caseId);
        UUID requestedId = UUID.fromString(requested.get("eventId").asText());

        publishAssessmentEvent(newer);
        publishAssessmentEvent(requested); // same partition, behind it

        await().atMost(WAIT).until(() -> processedCount(pool, requestedId) == 1);
        var parked = pool.preparedQuery("select type, payload from dead_letter where consumer = $1 and event_id = $2")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(org.ehcptracker.advice.messaging.AssessmentEventsConsumer.CONSUMER,
                        newerId))
                .await().atMost(WAIT);
        assertThat(parked.rowCount()).isEqualTo(1);
        var row = parked.iterator().next();
        assertThat(row.getString("type")).isEqualTo("AssessmentPaused");
        assertThat(read(row.getString("payload")).get("caseId").asText()).isEqualTo(caseId.toString());
    }
}
