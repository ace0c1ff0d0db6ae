package org.ehcptracker.eventstore;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The relay's meters, read from its in-memory {@link RelayStatus} when scraped (docs/operations.md says what to
 * watch): {@code ehcp.relay.lag} events committed and not yet published, {@code ehcp.relay.oldest.unpublished.age}
 * how long the oldest of them has waited, {@code ehcp.relay.held.back} 1 while an older open transaction holds
 * events back, {@code ehcp.relay.active} 1 on the instance holding the lock, {@code ehcp.relay.failing} 1 while
 * rounds fail, {@code ehcp.relay.published} events published by this instance.
 */
final class RelayMeters {

    private RelayMeters() {
    }

    static void bind(MeterRegistry registry, EventRelay relay) {
        Tags tags = Tags.of("relay", relay.status().relay(), "topic", relay.status().topic());
        gauge(registry, "ehcp.relay.lag", "committed events not yet published (-1 on a standby)", tags, relay, s -> s.lag());
        gauge(registry, "ehcp.relay.held.back", "1 while an older open transaction holds committed events back", tags, relay,
                s -> s.heldBack() ? 1 : 0);
        gauge(registry, "ehcp.relay.active", "1 on the instance that holds the relay lock", tags, relay, s -> s.active() ? 1 : 0);
        gauge(registry, "ehcp.relay.failing", "1 while the relay's rounds fail (see the log)", tags, relay,
                s -> s.lastError() == null ? 0 : 1);
        TimeGauge.builder("ehcp.relay.oldest.unpublished.age", relay,
                        TimeUnit.MILLISECONDS, r -> r.status().oldestUnpublishedAge(Instant.now()).toMillis())
                .description("how long the oldest committed, unpublished event has waited").tags(tags).register(registry);
        FunctionCounter.builder("ehcp.relay.published", relay, r -> r.status().publishedTotal())
                .description("events published by this instance (re-sends included)").tags(tags).register(registry);
    }

    private static void gauge(MeterRegistry registry, String name, String description, Tags tags, EventRelay relay,
            ToDoubleFunction<RelayStatus> value) {
        Gauge.builder(name, relay, r -> value.applyAsDouble(r.status())).description(description).tags(tags).register(registry);
    }
}
