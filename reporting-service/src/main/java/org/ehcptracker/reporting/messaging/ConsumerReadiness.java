package org.ehcptracker.reporting.messaging;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the read side: DOWN until every Kafka consumer of this service has been assigned partitions and
 * is within {@code ehcp.consumer.readiness-max-lag} records of their end. Without it a restarted instance
 * reported ready during the rebalance (tens of seconds with no partitions) and served the figures it held when it
 * stopped (issue 14). The assignment and lag come from the Kafka client itself ({@code assignment()},
 * {@code currentLag()}), read on the consumer's polling thread because the client is not thread-safe; no broker
 * round trip: the lag is what the last fetch answered. Not a liveness check: restarting would start the wait again.
 */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements AsyncHealthCheck {

    static final String NAME = "kafka consumers caught up";

    private final KafkaClientService clients;
    private final ConsumerReadinessConfig config;

    public ConsumerReadiness(KafkaClientService clients, ConsumerReadinessConfig config) {
        this.clients = clients;
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<ConsumerCatchUp>> checks = new TreeSet<>(clients.getConsumerChannels()).stream()
                .flatMap(channel -> clients.<Object, Object>getConsumers(channel).stream().map(c -> catchUp(channel, c)))
                .toList();
        if (checks.isEmpty()) {
            return Uni.createFrom().item(HealthCheckResponse.named(NAME).up().withData("consumers", 0).build());
        }
        return Multi.createFrom().iterable(checks).onItem().transformToUniAndConcatenate(u -> u).collect().asList()
                .map(this::response);
    }

    private Uni<ConsumerCatchUp> catchUp(String channel, KafkaConsumer<Object, Object> consumer) {
        return consumer.runOnPollingThread((Consumer<Object, Object> client) -> {
                    Map<String, OptionalLong> lags = new HashMap<>();
                    for (TopicPartition partition : client.assignment()) {
                        lags.put(partition.toString(), client.currentLag(partition));
                    }
                    return new ConsumerCatchUp(channel, lags);
                })
                .ifNoItem().after(config.readinessTimeout()).fail()
                // a consumer whose polling thread does not answer (closed, stuck) is not ready
                .onFailure().recoverWithItem(new ConsumerCatchUp(channel, Map.of()));
    }

    private HealthCheckResponse response(List<ConsumerCatchUp> consumers) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("maxLag", config.readinessMaxLag());
        boolean ready = true;
        for (ConsumerCatchUp consumer : consumers) {
            response.withData(consumer.channel(), consumer.describe());
            ready &= consumer.caughtUp(config.readinessMaxLag());
        }
        return response.status(ready).build();
    }
}
