package org.ehcptracker.eventstore;

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

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Starts the service's {@link EventRelay} when Quarkus starts and stops it on shutdown.
 *
 * <p>Configuration (MicroProfile Config):
 * <ul>
 *   <li>{@code ehcp.relay.enabled} (default true)</li>
 *   <li>{@code ehcp.relay.topic} (required when enabled)</li>
 *   <li>{@code ehcp.relay.name} (default: the topic)</li>
 *   <li>{@code ehcp.relay.poll-interval} (default 2s), {@code ehcp.relay.batch-size} (default 500),
 *       {@code ehcp.relay.lock-retry-interval} (default 5s), {@code ehcp.relay.max-backoff} (default 30s)</li>
 *   <li>{@code kafka.bootstrap.servers} (required), and any other {@code kafka.<producer property>}
 *       (e.g. {@code kafka.security.protocol}); {@code ehcp.relay.producer.<producer property>} overrides
 *       for the relay only (e.g. {@code ehcp.relay.producer.delivery.timeout.ms})</li>
 * </ul>
 */
@ApplicationScoped
public class EventRelayLifecycle {

    private static final Logger LOG = Logger.getLogger(EventRelayLifecycle.class);

    @Inject
    Instance<Pool> pool;

    @Inject
    Config config;

    private volatile EventRelay relay;

    void onStart(@Observes StartupEvent event) {
        if (!config.getOptionalValue("ehcp.relay.enabled", Boolean.class).orElse(true)) {
            LOG.info("event relay disabled (ehcp.relay.enabled=false)");
            return;
        }
        EventRelay r = new EventRelay(pool.get(), settings(config), producerConfig(config));
        r.start();
        relay = r;
    }

    void onStop(@Observes ShutdownEvent event) {
        EventRelay r = relay;
        if (r != null) {
            r.stop();
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

    static RelaySettings settings(Config config) {
        String topic = config.getOptionalValue("ehcp.relay.topic", String.class)
                .filter(t -> !t.isBlank())
                .orElseThrow(() -> new IllegalStateException(
                        "ehcp.relay.topic is required when the event relay is enabled (or set ehcp.relay.enabled=false)"));
        return new RelaySettings(
                config.getOptionalValue("ehcp.relay.name", String.class).orElse(topic),
                topic,
                duration(config, "ehcp.relay.poll-interval", RelaySettings.DEFAULT_POLL_INTERVAL),
                config.getOptionalValue("ehcp.relay.batch-size", Integer.class).orElse(RelaySettings.DEFAULT_BATCH_SIZE),
                duration(config, "ehcp.relay.lock-retry-interval", RelaySettings.DEFAULT_LOCK_RETRY_INTERVAL),
                duration(config, "ehcp.relay.max-backoff", RelaySettings.DEFAULT_MAX_BACKOFF));
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
            } else if (name.startsWith("ehcp.relay.producer.")) {
                String key = name.substring("ehcp.relay.producer.".length());
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

    private static Duration duration(Config config, String key, Duration dflt) {
        return config.getOptionalValue(key, String.class).map(RelaySettings::parseDuration).orElse(dflt);
    }
}
