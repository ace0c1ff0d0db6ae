package org.ehcptracker.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcptracker.eventstore.TestDatabase.TIMEOUT;
import static org.ehcptracker.eventstore.TestKafka.header;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ehcptracker.devinfra.TestInfra;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay passes the command's trace on (issue 14): an event whose metadata holds a W3C {@code traceparent} is
 * published with that header; metadata without one, or with something that is not a traceparent, gives no header.
 */
class EventRelayTraceHeaderTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    TestDatabase db;
    EventRelay relay;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create("es_relay_trace");
    }

    @AfterEach
    void tearDown() {
        if (relay != null) {
            relay.stop();
        }
        db.close();
    }

    @Test
    void the_metadatas_traceparent_becomes_the_records_header_and_nothing_else_does() {
        String bootstrap = TestInfra.get().kafkaBootstrapServers();
        String topic = TestKafka.createTopic(bootstrap, "relay-trace-test", 1);
        relay = new EventRelay(db.pool, RelaySettings.forTopic(topic).withPollInterval(Duration.ofMillis(500)),
                TestKafka.producerConfig(bootstrap));
        relay.start();
        UUID caseId = UUID.randomUUID();
        EventStore store = new EventStore(db.pool);
        store.append(UUID.randomUUID(), 0, List.of(
                event(caseId, 1, "{\"actor\":\"caseworker:jsmith\",\"traceparent\":\"" + TRACEPARENT + "\"}"),
                event(caseId, 2, "{\"actor\":\"caseworker:jsmith\"}"),
                event(caseId, 3, "{\"actor\":\"caseworker:jsmith\",\"traceparent\":\"not a traceparent\"}")))
                .await().atMost(TIMEOUT);

        List<ConsumerRecord<String, String>> records = TestKafka.readAll(bootstrap, topic, 3, WAIT, Duration.ofMillis(500))
                .stream().sorted(Comparator.comparing(r -> header(r, "ehcp-stream-version"))).toList();

        assertThat(records).hasSize(3);
        assertThat(header(records.get(0), EventRelay.HEADER_TRACEPARENT)).isEqualTo(TRACEPARENT);
        assertThat(records.get(1).headers().lastHeader(EventRelay.HEADER_TRACEPARENT)).isNull();
        assertThat(records.get(2).headers().lastHeader(EventRelay.HEADER_TRACEPARENT)).isNull();
    }

    static NewEvent event(UUID caseId, int n, String metadata) {
        return new NewEvent(UUID.randomUUID(), caseId, "Thing", 1, "{\"n\":" + n + "}", metadata, Instant.now());
    }
}
