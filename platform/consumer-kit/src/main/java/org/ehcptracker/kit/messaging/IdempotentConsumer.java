package org.ehcptracker.kit.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.kit.persistence.Transactions;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * How every service consumes a published event: the change to its local view and the record
 * that this consumer has processed the event commit in one transaction, so a redelivered event
 * changes nothing. Transient failures (database down, deadlock) are retried with back-off, so the
 * Kafka offset is not committed until the change is. A failure retrying cannot cure, or an event
 * this version cannot read, parks the record in {@code dead_letter} with its error: nothing blocks
 * the partition for ever, and nothing that carries an event id is silently lost.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private static final EventJson JSON = new EventJson();
    private static final com.fasterxml.jackson.databind.ObjectMapper TREE = EventJson.newObjectMapper();

    private final ProcessedEvents processed;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;

    /**
     * Set when the service begins to stop. A failure from then on is the shutdown's (the pool closing, the session
     * gone), not the event's: the record is neither retried nor parked, its offset is not committed, and Kafka
     * delivers it again after the restart. Parking it would leave the event out until an operator replayed it.
     */
    private volatile boolean stopping;

    private final RecordTraces traces;

    public IdempotentConsumer(ProcessedEvents processed, DeadLetters deadLetters, MeterRegistry meters, RecordTraces traces) {
        this.traces = traces;
        this.processed = processed;
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping(true);
    }

    void stopping(boolean value) {
        stopping = value;
    }

    /** Parses a record value; null when it is not an event this version can read. */
    public IntegrationEvent parse(String consumer, String json) {
        try {
            return JSON.read(json);
        } catch (RuntimeException e) {
            LOG.errorf("%s skips an unreadable record: %s (%s)", consumer, e.getMessage(), abbreviate(json));
            return null;
        }
    }

    /**
     * The usual consumer in one call: parses the record value and applies {@code change} once per
     * (consumer, event); an unreadable record is logged and skipped.
     */
    public Uni<Void> consume(String consumer, String json, BiFunction<Mutiny.Session, IntegrationEvent, Uni<Void>> change) {
        // in the trace of the command that appended the event, when the record carries it (RecordTraces)
        return traces.traced(consumer, () -> consumeNow(consumer, json, change));
    }

    private Uni<Void> consumeNow(String consumer, String json, BiFunction<Mutiny.Session, IntegrationEvent, Uni<Void>> change) {
        IntegrationEvent event;
        try {
            event = JSON.read(json);
        } catch (RuntimeException unreadable) {
            return parkUnreadable(consumer, json, unreadable);
        }
        return once(consumer, event, tx -> change.apply(tx, event));
    }

    /**
     * A record this version cannot read (typically a type a newer producer publishes before this
     * consumer is upgraded) is parked with its payload when it carries an event id, so it can be
     * replayed after the upgrade instead of being lost; without an id it can only be logged.
     */
    private Uni<Void> parkUnreadable(String consumer, String json, RuntimeException unreadable) {
        UUID eventId = eventIdOf(json);
        LOG.errorf("%s cannot read a record%s: %s (%s)", consumer, eventId == null ? " without an event id" : " " + eventId,
                unreadable.getMessage(), abbreviate(json));
        meters.counter("ehcp.consumer.unreadable", "consumer", consumer).increment();
        if (eventId == null) {
            return Uni.createFrom().voidItem();
        }
        String type = typeOf(json);
        return retryWhileTransient(consumer, type + " " + eventId, Transactions.inTransaction(session ->
                deadLetters.park(session, consumer, eventId, type, json, String.valueOf(unreadable))));
    }

    /**
     * Applies {@code change} once per (consumer, event), however often the event is delivered. The change
     * gets the transaction's session: it writes with it (or with Panache entities, which share it).
     */
    public Uni<Void> once(String consumer, IntegrationEvent event, Function<Mutiny.Session, Uni<Void>> change) {
        long started = System.nanoTime();
        return retryWhileTransient(consumer, describe(event),
                Transactions.inTransaction(session -> processed.once(session, consumer, event.eventId(), () -> change.apply(session)))
                        .invoke(applied -> time(consumer, event, started, applied ? "applied" : "duplicate"))
                        .replaceWithVoid())
                .onFailure().recoverWithUni(lasting -> stopping
                        ? Uni.createFrom().failure(new IllegalStateException(consumer + " did not apply " + describe(event)
                                + ": the service is stopping; Kafka delivers it again after the restart", lasting))
                        : park(consumer, event, lasting).invoke(() -> time(consumer, event, started, "parked")));
    }

    /**
     * {@code ehcp.consumer.processing}: time from the first attempt to the commit (retries included), by consumer,
     * event type and outcome (applied, duplicate: delivered again and skipped, parked: in dead_letter).
     */
    private void time(String consumer, IntegrationEvent event, long startedNanos, String outcome) {
        Timer.builder("ehcp.consumer.processing").tag("consumer", consumer).tag("type", event.getClass().getSimpleName())
                .tag("outcome", outcome).register(meters).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    private Uni<Void> park(String consumer, IntegrationEvent event, Throwable lasting) {
        LOG.errorf(lasting, "%s parks %s %s in dead_letter: %s", consumer, event.getClass().getSimpleName(),
                event.eventId(), lasting.getMessage());
        return retryWhileTransient(consumer, describe(event), Transactions.inTransaction(session -> deadLetters.park(session, consumer,
                event.eventId(), event.getClass().getSimpleName(), JSON.write(event), String.valueOf(lasting))));
    }

    private Uni<Void> retryWhileTransient(String consumer, String what, Uni<Void> work) {
        return work
                .onFailure(TransientFailure::isTransient).invoke(e -> LOG.warnf("%s could not apply %s yet: %s",
                        consumer, what, e.getMessage()))
                // while stopping, a retry would only hold the shutdown up: the redelivery after the restart applies it
                .onFailure(e -> TransientFailure.isTransient(e) && !stopping).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
    }

    private static String describe(IntegrationEvent event) {
        return event.getClass().getSimpleName() + " " + event.eventId();
    }

    private static UUID eventIdOf(String json) {
        try {
            var id = TREE.readTree(json).path("eventId");
            return id.isTextual() ? UUID.fromString(id.asText()) : null;
        } catch (Exception notJsonOrNoId) {
            return null;
        }
    }

    private static String typeOf(String json) {
        try {
            var type = TREE.readTree(json).path("type");
            return type.isTextual() ? type.asText() : "(no type)";
        } catch (Exception notJson) {
            return "(not JSON)";
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
