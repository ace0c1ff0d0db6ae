package org.ehcptracker.eventstore;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventRelayLifecycleTest {

    static Config config(Map<String, String> props) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(props, "test", 100))
                .withMapping(RelayConfig.class).build();
    }

    static RelaySettings settings(Config config) {
        return config.unwrap(SmallRyeConfig.class).getConfigMapping(RelayConfig.class).settings();
    }

    @Test
    void settings_come_from_config_with_defaults() {
        RelaySettings s = settings(config(Map.of("ehcp.relay.topic", "ehcp.assessment.events")));
        assertThat(s.name()).isEqualTo("ehcp.assessment.events");
        assertThat(s.topic()).isEqualTo("ehcp.assessment.events");
        assertThat(s.pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.batchSize()).isEqualTo(500);
        assertThat(s.lockRetryInterval()).isEqualTo(Duration.ofSeconds(5));
        RelayConfig mapping = config(Map.of("ehcp.relay.topic", "t")).unwrap(SmallRyeConfig.class)
                .getConfigMapping(RelayConfig.class);
        assertThat(mapping.shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config(Map.of("ehcp.relay.topic", "t", "ehcp.relay.shutdown-timeout", "3s"))
                .unwrap(SmallRyeConfig.class).getConfigMapping(RelayConfig.class).shutdownTimeout())
                .isEqualTo(Duration.ofSeconds(3));

        RelaySettings t = settings(config(Map.of("ehcp.relay.topic", "t", "ehcp.relay.name", "n",
                "ehcp.relay.poll-interval", "750ms", "ehcp.relay.batch-size", "50",
                "ehcp.relay.lock-retry-interval", "PT1S")));
        assertThat(t.name()).isEqualTo("n");
        assertThat(t.pollInterval()).isEqualTo(Duration.ofMillis(750));
        assertThat(t.batchSize()).isEqualTo(50);
        assertThat(t.lockRetryInterval()).isEqualTo(Duration.ofSeconds(1));

        assertThatThrownBy(() -> settings(config(Map.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ehcp.relay.topic");
    }

    @Test
    void producer_config_takes_global_kafka_producer_keys_and_relay_overrides_and_enforces_safety() {
        Map<String, Object> p = EventRelayLifecycle.producerConfig(config(Map.of(
                "kafka.bootstrap.servers", "k:9092",
                "kafka.security.protocol", "SSL",
                "kafka.auto.offset.reset", "earliest", // a consumer key: not passed to the producer
                "ehcp.relay-producer.delivery.timeout.ms", "900000",
                "ehcp.relay-producer.acks", "1")));
        assertThat(p).containsEntry("bootstrap.servers", "k:9092").containsEntry("security.protocol", "SSL")
                .containsEntry("delivery.timeout.ms", "900000").doesNotContainKey("auto.offset.reset");

        Map<String, Object> effective = EventRelay.producerProperties(RelaySettings.forTopic("t"), p);
        assertThat(effective).containsEntry("acks", "all").containsEntry("enable.idempotence", true)
                .containsEntry("delivery.timeout.ms", "900000").containsEntry("max.in.flight.requests.per.connection", 5);

        assertThatThrownBy(() -> EventRelayLifecycle.producerConfig(config(Map.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("kafka.bootstrap.servers");
    }

    @Test
    void durations_parse_in_the_usual_forms() {
        assertThat(RelaySettings.parseDuration("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(RelaySettings.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(RelaySettings.parseDuration("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(RelaySettings.parseDuration("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(RelaySettings.parseDuration("PT0.5S")).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> RelaySettings.parseDuration("soon")).isInstanceOf(IllegalArgumentException.class);
    }
}
