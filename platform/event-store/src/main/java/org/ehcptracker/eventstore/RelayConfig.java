package org.ehcptracker.eventstore;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * The relay's settings ({@code ehcp.relay.*}); producer properties are read apart, from
 * {@code kafka.*} and {@code ehcp.relay-producer.*} (see {@link EventRelayLifecycle}). Those live outside
 * {@code ehcp.relay}: a mapping refuses unknown keys under its prefix, and producer keys contain dots.
 */
@ConfigMapping(prefix = "ehcp.relay")
public interface RelayConfig {

    /** Off in services that publish nothing (reporting-service). */
    @WithDefault("true")
    boolean enabled();

    /** The topic every event is published to; required when enabled. */
    Optional<String> topic();

    /** Checkpoint row and advisory-lock key; default: the topic. */
    Optional<String> name();

    @WithDefault("2s")
    @WithConverter(DurationText.class)
    Duration pollInterval();

    @WithDefault("500")
    int batchSize();

    @WithDefault("5s")
    @WithConverter(DurationText.class)
    Duration lockRetryInterval();

    @WithDefault("30s")
    @WithConverter(DurationText.class)
    Duration maxBackoff();

    /**
     * Readiness reports the relay DOWN when a committed event has waited longer than this to be published (an
     * open transaction anywhere in the cluster holding the horizon back, Kafka unreachable): commands are still
     * accepted, but what they record does not reach the other services. See docs/operations.md.
     */
    @WithDefault("30s")
    @WithConverter(DurationText.class)
    Duration readinessMaxLag();

    /**
     * On shutdown (after Quarkus' graceful shutdown has let in-flight commands finish), how long the relay's final
     * pass may take to publish every committed event before it stops; what is left stays in the table for the next
     * relay. Keep it, plus {@code quarkus.shutdown.timeout}, below the time the process manager waits before SIGKILL.
     */
    @WithDefault("5s")
    @WithConverter(DurationText.class)
    Duration shutdownTimeout();

    /** The settings of an enabled relay. */
    default RelaySettings settings() {
        String t = topic().filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "ehcp.relay.topic is required when the event relay is enabled (or set ehcp.relay.enabled=false)"));
        return new RelaySettings(name().orElse(t), t, pollInterval(), batchSize(), lockRetryInterval(), maxBackoff());
    }

    /** 500ms, 2s, 1m, 1h, a bare number of seconds, or ISO-8601 (PT2S). */
    final class DurationText implements Converter<Duration> {
        @Override
        public Duration convert(String value) {
            return RelaySettings.parseDuration(value);
        }
    }
}
