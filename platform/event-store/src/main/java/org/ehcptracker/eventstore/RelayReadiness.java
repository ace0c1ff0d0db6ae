package org.ehcptracker.eventstore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the event relay: DOWN when a committed event has waited longer than
 * {@code ehcp.relay.readiness-max-lag} to be published (an open transaction anywhere in the PostgreSQL cluster
 * holds the horizon back, or Kafka is unreachable), or when the relay has stopped. A standby instance (another
 * holds the lock) is UP. Not a liveness check: restarting the service would not help, and would stop it serving
 * commands, which it still records safely. The status comes from memory, no database call.
 */
@Readiness
@ApplicationScoped
public class RelayReadiness implements HealthCheck {

    @Inject
    EventRelayLifecycle lifecycle;

    @Inject
    RelayConfig config;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event relay");
        RelayStatus status = lifecycle.status().orElse(null);
        if (status == null) {
            return response.up().withData("enabled", false).build();
        }
        Duration age = status.oldestUnpublishedAge(Instant.now());
        response.withData("topic", status.topic())
                .withData("active", status.active())
                .withData("lag", status.lag())
                .withData("heldBack", status.heldBack())
                .withData("oldestUnpublishedAgeSeconds", age.toSeconds());
        if (status.lastError() != null) {
            response.withData("lastError", status.lastError());
        }
        boolean ready = status.running() && (!status.active() || age.compareTo(config.readinessMaxLag()) <= 0);
        return response.status(ready).build();
    }
}
