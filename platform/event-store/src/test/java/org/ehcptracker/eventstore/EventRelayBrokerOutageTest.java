package org.ehcptracker.eventstore;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ehcptracker.devinfra.FreePort;
import org.ehcptracker.devinfra.KafkaBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ehcptracker.eventstore.TestDatabase.TIMEOUT;

/** The relay against a broker of its own, which the test stops and restarts. */
class EventRelayBrokerOutageTest {

    @TempDir
    Path kafkaDir;

    KafkaBroker broker;
    TestDatabase db;
    EventRelay relay;

    @BeforeEach
    void setUp() {
        broker = KafkaBroker.start(FreePort.find(), kafkaDir);
        db = TestDatabase.create("es_outage");
    }

    @AfterEach
    void tearDown() {
        if (relay != null) {
            relay.stop();
        }
        if (db != null) {
            db.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void events_appended_while_the_broker_is_down_are_published_exactly_once_after_it_returns() {
        String bootstrap = broker.bootstrapServers();
        String topic = TestKafka.createTopic(bootstrap, "outage", 3);
        EventStore store = new EventStore(db.pool);
        Map<String, Object> producer = new HashMap<>(TestKafka.producerConfig(bootstrap));
        producer.put("reconnect.backoff.max.ms", "500");
        producer.put("request.timeout.ms", "5000");
        producer.put("delivery.timeout.ms", "300000"); // the outage is ridden out by the producer's retries
        relay = new EventRelay(db.pool, RelaySettings.forTopic(topic).withPollInterval(Duration.ofMillis(500))
                .withBatchSize(20), producer);
        relay.start();

        // warm up: the producer knows the topic's partitions and leader
        UUID warmStream = UUID.randomUUID();
        StoredEvent warm = store.append(warmStream, 0, List.of(NewEvent.of(UUID.randomUUID(), "WarmUp", 1, "{}")))
                .await().atMost(TIMEOUT).get(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> relay.status().lastPublishedPosition() == warm.position());

        broker.stop();

        int n = 50;
        UUID[] streams = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        UUID[] cases = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        int[] versions = new int[streams.length];
        for (int i = 0; i < n; i++) {
            int s = i % streams.length;
            store.append(streams[s], versions[s], List.of(new NewEvent(UUID.randomUUID(), cases[s], "DuringOutage", 1,
                    "{\"i\":" + i + "}", "{}", Instant.now()))).await().atMost(TIMEOUT);
            versions[s]++;
        }
        sleep(3_000); // the relay has sent them; the producer keeps retrying
        assertThat(relay.status().lastPublishedPosition()).isEqualTo(warm.position());

        broker.restart();

        await().atMost(Duration.ofSeconds(120)).until(() -> relay.status().lag() == 0
                && relay.status().lastPublishedPosition() > warm.position());
        List<ConsumerRecord<String, String>> records = TestKafka.readAll(bootstrap, topic, n + 1,
                Duration.ofSeconds(60), Duration.ofSeconds(2));
        Map<UUID, Long> perEvent = records.stream()
                .collect(Collectors.groupingBy(TestKafka::eventId, Collectors.counting()));
        assertThat(perEvent).hasSize(n + 1);
        assertThat(perEvent.values()).allMatch(c -> c == 1L);
        assertThat(records).hasSize(n + 1);

        // and per stream in version order
        Map<String, List<String>> versionsPerStream = records.stream().collect(Collectors.groupingBy(
                r -> TestKafka.header(r, "ehcp-stream-id"), Collectors.mapping(r -> TestKafka.header(r,
                        "ehcp-stream-version"), Collectors.toList())));
        for (UUID s : streams) {
            assertThat(versionsPerStream.get(s.toString()))
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        }
    }

    @Test
    void when_kafka_gives_up_on_a_send_the_relay_resends_from_its_checkpoint_and_every_event_arrives() {
        String bootstrap = broker.bootstrapServers();
        String topic = TestKafka.createTopic(bootstrap, "outage-short", 3);
        EventStore store = new EventStore(db.pool);
        Map<String, Object> producer = new HashMap<>(TestKafka.producerConfig(bootstrap));
        producer.put("reconnect.backoff.max.ms", "500");
        producer.put("request.timeout.ms", "1000");
        producer.put("delivery.timeout.ms", "1500"); // gives up during the outage: the relay's retry takes over
        producer.put("max.block.ms", "1500");
        relay = new EventRelay(db.pool, RelaySettings.forTopic(topic).withPollInterval(Duration.ofMillis(500))
                .withMaxBackoff(Duration.ofSeconds(1)), producer);
        relay.start();
        StoredEvent warm = store.append(UUID.randomUUID(), 0, List.of(NewEvent.of(UUID.randomUUID(), "WarmUp", 1, "{}")))
                .await().atMost(TIMEOUT).get(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> relay.status().lastPublishedPosition() == warm.position());

        broker.stop();
        UUID stream = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        for (int v = 0; v < 10; v++) {
            store.append(stream, v, List.of(NewEvent.of(caseId, "DuringOutage", 1, "{\"v\":" + v + "}")))
                    .await().atMost(TIMEOUT);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.status().lastError() != null);
        assertThat(relay.status().lastPublishedPosition()).isEqualTo(warm.position());

        broker.restart();
        await().atMost(Duration.ofSeconds(120)).until(() -> relay.status().lag() == 0
                && relay.status().lastError() == null);
        List<ConsumerRecord<String, String>> records = TestKafka.readAll(bootstrap, topic, 11,
                Duration.ofSeconds(60), Duration.ofSeconds(1));
        assertThat(records.stream().map(TestKafka::eventId).distinct()).hasSize(11); // at least once each
        // the last copy of each version comes in version order (a consumer checking stream versions can rely on it)
        List<String> versions = records.stream().filter(r -> TestKafka.header(r, "ehcp-stream-id").equals(stream.toString()))
                .map(r -> TestKafka.header(r, "ehcp-stream-version")).toList();
        assertThat(versions).endsWith("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
