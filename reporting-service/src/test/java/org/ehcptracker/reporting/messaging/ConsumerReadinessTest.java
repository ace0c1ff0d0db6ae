package org.ehcptracker.reporting.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/**
 * The readiness check over the Kafka client's own mock consumer: DOWN while the consumer has no partitions, while
 * their lag is not known, and while it is beyond the bound; UP once every assigned partition is within it.
 */
class ConsumerReadinessTest {

    static final TopicPartition P0 = new TopicPartition("ehcp.assessment.events", 0);
    static final TopicPartition P1 = new TopicPartition("ehcp.assessment.events", 1);

    final MockConsumer<Object, Object> assessment = new MockConsumer<>("earliest");
    final ConsumerReadiness readiness = new ConsumerReadiness(clients(Map.of("assessment-events", assessment)), bound(10));

    @Test
    void down_until_the_consumer_is_assigned_partitions_then_up_once_caught_up() {
        HealthCheckResponse noPartitions = call();
        assertThat(noPartitions.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(noPartitions.getData().orElseThrow()).containsEntry("assessment-events", "no partitions assigned");

        // (a lag not known yet is DOWN too: ConsumerCatchUpTest; the mock reports an unknown end as lag 0, so
        // the end offsets are set with the assignment)
        // 500 records behind on partition 1 after a restart: replaying, not ready
        assessment.assign(List.of(P0, P1));
        assessment.updateEndOffsets(Map.of(P0, 40L, P1, 600L));
        assessment.seek(P0, 40);
        assessment.seek(P1, 100);
        HealthCheckResponse behind = call();
        assertThat(behind.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(behind.getData().orElseThrow()).containsEntry("assessment-events", "2 partitions, lag 500");

        // 10 behind is within the bound
        assessment.seek(P1, 590);
        HealthCheckResponse caughtUp = call();
        assertThat(caughtUp.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(caughtUp.getData().orElseThrow()).containsEntry("assessment-events", "2 partitions, lag 10")
                .containsEntry("maxLag", 10L);
    }

    @Test
    void one_consumer_without_partitions_keeps_the_service_down() {
        MockConsumer<Object, Object> plan = new MockConsumer<>("earliest");
        assessment.assign(List.of(P0));
        assessment.updateEndOffsets(Map.of(P0, 0L));
        assessment.seek(P0, 0);
        var both = new ConsumerReadiness(clients(Map.of("assessment-events", assessment, "plan-events", plan)), bound(10));

        HealthCheckResponse response = both.call().await().atMost(Duration.ofSeconds(5));

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow()).containsEntry("assessment-events", "1 partition, lag 0")
                .containsEntry("plan-events", "no partitions assigned");
    }

    HealthCheckResponse call() {
        return readiness.call().await().atMost(Duration.ofSeconds(5));
    }

    static ConsumerReadinessConfig bound(long maxLag) {
        return new ConsumerReadinessConfig() {
            @Override
            public long readinessMaxLag() {
                return maxLag;
            }

            @Override
            public Duration readinessTimeout() {
                return Duration.ofSeconds(3);
            }
        };
    }

    /** The connector's client service over mock consumers: the polling thread is the caller's. */
    @SuppressWarnings("unchecked")
    static KafkaClientService clients(Map<String, MockConsumer<Object, Object>> byChannel) {
        return (KafkaClientService) Proxy.newProxyInstance(KafkaClientService.class.getClassLoader(),
                new Class<?>[] {KafkaClientService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getConsumerChannels" -> Set.copyOf(byChannel.keySet());
                    case "getConsumers" -> List.of(consumer(byChannel.get((String) args[0])));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    static KafkaConsumer<Object, Object> consumer(MockConsumer<Object, Object> client) {
        return (KafkaConsumer<Object, Object>) Proxy.newProxyInstance(KafkaConsumer.class.getClassLoader(),
                new Class<?>[] {KafkaConsumer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("runOnPollingThread") && args[0] instanceof Function<?, ?> f) {
                        return Uni.createFrom().item(() -> ((Function<Consumer<Object, Object>, Object>) f).apply(client));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
