package org.ehcptracker.assessment.rest;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.awaitility.Awaitility;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.Topics;
import org.ehcptracker.devinfra.TestInfra;

/** Reads ehcp.assessment.events from the beginning, one case's records at a time (filtered by the caseId key). */
final class AssessmentTopic {

    static final String TOPIC = Topics.ASSESSMENT_EVENTS;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static volatile KafkaCompanion companion;

    private AssessmentTopic() {
    }

    static synchronized KafkaCompanion companion() {
        if (companion == null) {
            KafkaCompanion c = new KafkaCompanion(TestInfra.get().kafkaBootstrapServers());
            if (!c.topics().list().contains(TOPIC)) {
                try {
                    c.topics().createAndWait(TOPIC, 1);
                } catch (RuntimeException e) {
                    if (!(rootCause(e) instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            companion = c;
        }
        return companion;
    }

    /** Waits until at least {@code count} records keyed by {@code caseId} are on the topic; returns all of them seen. */
    static List<ConsumerRecord<String, String>> records(UUID caseId, int count) {
        String key = caseId.toString();
        try (var task = companion().consumeStrings()
                .withGroupId("assessment-test-" + UUID.randomUUID())
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(Set.of(TOPIC), records -> records.filter(r -> key.equals(r.key())))) {
            task.awaitRecords(count, WAIT);
            return List.copyOf(task.getRecords());
        }
    }

    /**
     * Waits until a record of {@code type} keyed by {@code caseId} is on the topic; returns every record of the case up
     * to and including it. The relay publishes a case's events in stream order, so nothing the case appended before that
     * event can still be missing.
     */
    static List<ConsumerRecord<String, String>> recordsThrough(UUID caseId, String type) {
        String key = caseId.toString();
        try (var task = companion().consumeStrings()
                .withGroupId("assessment-test-" + UUID.randomUUID())
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(Set.of(TOPIC), records -> records.filter(r -> key.equals(r.key())))) {
            return Awaitility.await().atMost(WAIT).until(() -> {
                List<ConsumerRecord<String, String>> seen = List.copyOf(task.getRecords());
                for (int i = 0; i < seen.size(); i++) {
                    if (type.equals(EventJson.typeOf(seen.get(i).value()))) {
                        return seen.subList(0, i + 1);
                    }
                }
                return null;
            }, java.util.Objects::nonNull);
        }
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
