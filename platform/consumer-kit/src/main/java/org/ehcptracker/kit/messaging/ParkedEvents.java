package org.ehcptracker.kit.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.persistence.Transactions;

/**
 * What an operator does with parked records: lists them and, once the cause is fixed (usually a new version of the
 * service), replays one through its consumer. The replay goes through the same idempotent path as a Kafka delivery,
 * so replaying twice, or replaying an event Kafka redelivers meanwhile, applies it once; if it fails again it stays
 * parked with the new error.
 */
@ApplicationScoped
public class ParkedEvents {

    /** A parked record as an operator sees it: no payload (it is in the table, for the replay). */
    public record Parked(String consumer, UUID eventId, String type, String localAuthorityCode, String error,
                         Instant parkedAt) {
    }

    /** The replay's answer: applied and removed from {@code dead_letter}, or still parked with this error. */
    public record Replayed(String consumer, UUID eventId, String type, boolean applied, String error) {
    }

    private final DeadLetters deadLetters;
    private final ProcessedEvents processed;
    private final Instance<ParkedEventHandler> handlers;

    public ParkedEvents(DeadLetters deadLetters, ProcessedEvents processed, Instance<ParkedEventHandler> handlers) {
        this.deadLetters = deadLetters;
        this.processed = processed;
        this.handlers = handlers;
    }

    public Uni<List<Parked>> list(int limit) {
        return Transactions.inSession(session -> deadLetters.list(session, limit));
    }

    /** The parked record, or 404. */
    public Uni<Parked> find(String consumer, UUID eventId) {
        return Transactions.inSession(session -> deadLetters.find(session, consumer, eventId))
                .map(found -> found.orElseThrow(() -> CommandRejected.notFound(
                        "no parked event " + eventId + " for consumer " + consumer)));
    }

    public Uni<Replayed> replay(String consumer, UUID eventId) {
        ParkedEventHandler handler = handlerOf(consumer).orElseThrow(() -> CommandRejected.unprocessable("consumer",
                "no consumer named " + consumer + " in this service can replay parked events"));
        return Transactions.inSession(session -> deadLetters.payload(session, consumer, eventId))
                .chain(payload -> {
                    if (payload.isEmpty()) {
                        throw CommandRejected.notFound("no parked event " + eventId + " for consumer " + consumer);
                    }
                    return handler.replay(consumer, payload.get());
                })
                // applied (now, or by a redelivery meanwhile) means processed: only then does the record leave
                .chain(() -> Transactions.inTransaction(session -> processed.seen(session, consumer, eventId)
                        .chain(applied -> applied
                                ? deadLetters.remove(session, consumer, eventId).replaceWith(Optional.<Parked>empty())
                                : deadLetters.find(session, consumer, eventId))))
                .chain(stillParked -> stillParked.isPresent()
                        ? Uni.createFrom().item(new Replayed(consumer, eventId, stillParked.get().type(), false,
                                stillParked.get().error()))
                        : Uni.createFrom().item(new Replayed(consumer, eventId, null, true, null)));
    }

    private Optional<ParkedEventHandler> handlerOf(String consumer) {
        return handlers.stream().filter(h -> h.consumers().contains(consumer)).findFirst();
    }
}
