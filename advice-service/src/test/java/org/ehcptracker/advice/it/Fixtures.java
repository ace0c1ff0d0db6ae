package org.ehcptracker.advice.it;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.ehcptracker.advice.messaging.AssessmentEventsConsumer;
import org.ehcptracker.contracts.ContractExamples;
import org.ehcptracker.contracts.Topics;
import org.ehcptracker.devinfra.TestInfra;

/** Shared by the @QuarkusTest classes: upstream events from the contract examples, the view, the topic. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(60);

    private static KafkaCompanion companion;

    private Fixtures() {
    }

    static synchronized KafkaCompanion kafka() {
        if (companion == null) {
            companion = new KafkaCompanion(TestInfra.get().kafkaBootstrapServers());
        }
        return companion;
    }

    /** The checked-in example of {@code type} with a fresh eventId, the given caseId and any overrides. */
    static ObjectNode example(String type, UUID caseId, Map<String, Object> overrides) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(ContractExamples.json(type));
            node.put("eventId", UUID.randomUUID().toString());
            node.put("caseId", caseId.toString());
            overrides.forEach((field, value) -> node.set(field, JSON.valueToTree(value)));
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode example(String type, UUID caseId) {
        return example(type, caseId, Map.of());
    }

    /** Publishes an event to the assessment topic, keyed by its caseId, as assessment-service's relay does. */
    static void publishAssessmentEvent(JsonNode event) {
        kafka().produceStrings()
                .fromRecords(new ProducerRecord<>(Topics.ASSESSMENT_EVENTS, event.get("caseId").asText(), event.toString()))
                .awaitCompletion(WAIT);
    }

    /** AssessmentRequested (received 2025-03-03) and AssessmentDecided ASSESS (2025-04-10), then waits for the view. */
    static void caseAcceptedForAssessment(Pool pool, UUID caseId) {
        publishAssessmentEvent(example("AssessmentRequested", caseId));
        publishAssessmentEvent(example("AssessmentDecided", caseId));
        awaitCaseStatus(pool, caseId, "ASSESSING");
    }

    /** As {@link #caseAcceptedForAssessment(Pool, UUID)} for a case of council {@code localAuthorityCode}. */
    static void caseAcceptedForAssessment(Pool pool, UUID caseId, String localAuthorityCode) {
        publishAssessmentEvent(example("AssessmentRequested", caseId, Map.of("localAuthorityCode", localAuthorityCode)));
        publishAssessmentEvent(example("AssessmentDecided", caseId, Map.of("localAuthorityCode", localAuthorityCode)));
        awaitCaseStatus(pool, caseId, "ASSESSING");
    }

    static void awaitCaseStatus(Pool pool, UUID caseId, String status) {
        await().atMost(WAIT).until(() -> status.equals(caseStatus(pool, caseId)));
    }

    static String caseStatus(Pool pool, UUID caseId) {
        Row row = caseRow(pool, caseId);
        return row == null ? null : row.getString("status");
    }

    static Row caseRow(Pool pool, UUID caseId) {
        var rows = pool.preparedQuery("select * from assessment_case where case_id = $1")
                .execute(Tuple.of(caseId)).await().atMost(WAIT);
        var it = rows.iterator();
        return it.hasNext() ? it.next() : null;
    }

    static long processedCount(Pool pool, UUID eventId) {
        return pool.preparedQuery("select count(*) as n from processed_event where consumer = $1 and event_id = $2")
                .execute(Tuple.of(AssessmentEventsConsumer.CONSUMER, eventId)).await().atMost(WAIT)
                .iterator().next().getLong("n");
    }

    /** Reads ehcp.advice.events from the beginning, keeping only the records keyed by {@code caseId}. */
    static ConsumerTask<String, String> adviceEventsOf(UUID caseId) {
        String key = caseId.toString();
        return kafka().consumeStrings()
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .withGroupId("advice-test-" + UUID.randomUUID())
                .fromTopics(Topics.ADVICE_EVENTS, records -> records.filter(r -> key.equals(r.key())));
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
