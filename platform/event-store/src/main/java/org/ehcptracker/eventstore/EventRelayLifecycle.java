package org.ehcptracker.eventstore;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Starts the service's {@link EventRelay} when Quarkus starts and stops it on shutdown.
 *
 * <p>Configuration: {@link RelayConfig} ({@code ehcp.relay.*}); {@code kafka.bootstrap.servers} (required)
 * and any other {@code kafka.<producer property>} (e.g. {@code kafka.security.protocol});
 * {@code ehcp.relay-producer.<producer property>} overrides for the relay only
 * (e.g. {@code ehcp.relay-producer.delivery.timeout.ms}).
 */
@ApplicationScoped
public class EventRelayLifecycle {

    private static final Logger LOG = Logger.getLogger(EventRelayLifecycle.class);

    @Inject
    Instance<Pool> pool;

    @Inject
    Config config;

    @Inject
    RelayConfig relayConfig;

    @Inject
    Instance<MeterRegistry> meters;

    private volatile EventRelay relay;

    void onStart(@Observes StartupEvent event) {
        if (!relayConfig.enabled()) {
            LOG.info("event relay disabled (ehcp.relay.enabled=false)");
            return;
        }
        EventRelay r = new EventRelay(pool.get(), relayConfig.settings(), producerConfig(config));
        r.start();
        relay = r;
        if (meters.isResolvable()) {
            RelayMeters.bind(meters.get(), r);
        }
    }

    /**
     * ShutdownEvent comes after Quarkus' graceful shutdown ({@code quarkus.shutdown.timeout}): HTTP no longer takes
     * requests and those in flight have finished, so every command's events are committed. The final pass publishes
     * them before the process exits, instead of leaving them to the next start.
     */
    void onStop(@Observes ShutdownEvent event) {
        EventRelay r = relay;
        if (r != null) {
            boolean complete = r.stopAfterFinalPass(relayConfig.shutdownTimeout());
            LOG.infof("relay %s stopped after its final pass (%s)", r.settings().name(),
                    complete ? "every committed event published" : "some events left for the next start");
        }
    }

    /** The running relay, empty when disabled. */
    public Optional<EventRelay> relay() {
        return Optional.ofNullable(relay);
    }

    /** The relay's status, empty when disabled. */
    public Optional<RelayStatus> status() {
        return relay().map(EventRelay::status);
    }

    static Map<String, Object> producerConfig(Config config) {
        Set<String> producerKeys = ProducerConfig.configNames();
        Map<String, Object> global = new HashMap<>();
        Map<String, Object> specific = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("kafka.")) {
                String key = name.substring("kafka.".length());
                if (producerKeys.contains(key)) {
                    config.getOptionalValue(name, String.class).ifPresent(v -> global.put(key, v));
                }
            } else if (name.startsWith("ehcp.relay-producer.")) {
                String key = name.substring("ehcp.relay-producer.".length());
                config.getOptionalValue(name, String.class).ifPresent(v -> specific.put(key, v));
            }
        }
        if (!global.containsKey(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) && !specific.containsKey(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            config.getOptionalValue("kafka.bootstrap.servers", String.class)
                    .ifPresent(v -> global.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, v));
        }
        if (!global.containsKey(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) && !specific.containsKey(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalStateException("kafka.bootstrap.servers is required when the event relay is enabled");
        }
        global.putAll(specific);
        return global;
    }
}
