package org.ehcptracker.eventstore;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.devinfra.TestInfra;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A Quarkus app with this jar: the beans are discovered, Flyway runs the scripts, the relay starts from config. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "es_quarkus"))
class QuarkusWiringTest {

    static final String TOPIC = "ehcp.event-store.wiring-test";

    @Inject
    EventStore store;

    @Inject
    ProcessedEvents processed;

    @Inject
    EventRelayLifecycle lifecycle;

    @Inject
    Pool pool;

    @Test
    void the_injected_store_appends_and_the_configured_relay_publishes() {
        assertThat(lifecycle.relay()).isPresent();
        await().atMost(Duration.ofSeconds(30)).until(() -> lifecycle.status().orElseThrow().active());

        UUID stream = UUID.randomUUID();
        NewEvent event = NewEvent.of(UUID.randomUUID(), "WiringChecked", 1, "{\"ok\":true}");
        List<StoredEvent> stored = pool.withTransaction(tx -> store.append(tx, stream, 0, List.of(event)))
                .await().atMost(Duration.ofSeconds(30));
        assertThat(stored).hasSize(1);

        await().atMost(Duration.ofSeconds(60)).until(() -> TestKafka.readAll(TestInfra.get().kafkaBootstrapServers(),
                        TOPIC, 1, Duration.ofSeconds(5), Duration.ZERO).stream().map(TestKafka::eventId)
                .anyMatch(event.eventId()::equals));

        Boolean first = pool.withTransaction(tx -> processed.firstDelivery(tx, "wiring", event.eventId()))
                .await().atMost(Duration.ofSeconds(30));
        Boolean again = pool.withTransaction(tx -> processed.firstDelivery(tx, "wiring", event.eventId()))
                .await().atMost(Duration.ofSeconds(30));
        assertThat(first).isTrue();
        assertThat(again).isFalse();
    }
}
