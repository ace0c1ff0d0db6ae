package org.ehcptracker.kit.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The idempotent-consumer guard (table {@code processed_event}, Flyway {@code db/consumer}). Kafka
 * delivers at least once, so a consumer may see an event twice; it records the event id in the same
 * transaction as its change and skips the change when the id is already there.
 *
 * <p>A concurrent second delivery blocks on the primary key until the first commits, then finds the
 * row (or, if the first rolled back, inserts it and applies the change).
 */
@ApplicationScoped
public class ProcessedEvents {

    static final String FIRST_DELIVERY_SQL =
            "insert into processed_event (consumer, event_id) values (?1, ?2) on conflict do nothing";

    /**
     * Records that {@code consumer} processed {@code eventId}, in the session's transaction.
     *
     * @return true on the first delivery (apply the change in the same transaction), false on a redelivery
     */
    public Uni<Boolean> firstDelivery(Mutiny.Session session, String consumer, UUID eventId) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(eventId, "eventId");
        return session.createNativeQuery(FIRST_DELIVERY_SQL)
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate()
                .map(rows -> rows == 1);
    }

    /** Whether {@code consumer} has processed {@code eventId}. */
    public Uni<Boolean> seen(Mutiny.Session session, String consumer, UUID eventId) {
        return session.createNativeQuery("select count(*) from processed_event where consumer = ?1 and event_id = ?2",
                        Long.class)
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .getSingleResult()
                .map(n -> n > 0);
    }

    /**
     * Runs {@code change} once per (consumer, event id), in the session's transaction.
     *
     * @return true if the change was applied now, false if the event had been processed before
     */
    public Uni<Boolean> once(Mutiny.Session session, String consumer, UUID eventId, Supplier<? extends Uni<?>> change) {
        Objects.requireNonNull(change, "change");
        return firstDelivery(session, consumer, eventId).flatMap(first -> first
                ? change.get().replaceWith(Boolean.TRUE)
                : Uni.createFrom().item(Boolean.FALSE));
    }
}
