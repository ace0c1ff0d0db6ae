package org.ehcptracker.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The idempotent-consumer guard (table {@code processed_event}). The relay delivers at least once,
 * so a consumer may see an event twice; it records the event id in the same transaction as its
 * read-model change and skips the change when the id is already there.
 *
 * <pre>{@code
 * pool.withTransaction(tx -> processedEvents.once(tx, "reporting-case-view", eventId,
 *         () -> tx.preparedQuery("update case_view set ...").execute()))
 * }</pre>
 *
 * A concurrent second delivery blocks on the primary key until the first commits, then finds the
 * row (or, if the first rolled back, inserts it and applies the change).
 */
@ApplicationScoped
public class ProcessedEvents {

    static final String INSERT_SQL =
            "insert into processed_event (consumer, event_id) values ($1, $2) on conflict do nothing";

    /**
     * The same statement for Hibernate Reactive native queries ({@code ?1} consumer, {@code ?2} event id);
     * {@code executeUpdate()} returns 1 on the first delivery, 0 on a redelivery.
     */
    public static final String FIRST_DELIVERY_NATIVE_SQL =
            "insert into processed_event (consumer, event_id) values (?1, ?2) on conflict do nothing";

    /**
     * Records that {@code consumer} processed {@code eventId}, inside {@code tx}.
     *
     * @return true on the first delivery (apply the change in the same transaction), false on a redelivery (skip it)
     */
    public Uni<Boolean> firstDelivery(SqlConnection tx, String consumer, UUID eventId) {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(eventId, "eventId");
        return tx.preparedQuery(INSERT_SQL).execute(Tuple.of(consumer, eventId)).map(rows -> rows.rowCount() == 1);
    }

    /**
     * Runs {@code change} once per (consumer, event id): records the event id, and only on the first
     * delivery subscribes to {@code change}; both in {@code tx}.
     *
     * @return true if the change was applied now, false if the event had been processed before
     */
    public Uni<Boolean> once(SqlConnection tx, String consumer, UUID eventId, Supplier<? extends Uni<?>> change) {
        Objects.requireNonNull(change, "change");
        return firstDelivery(tx, consumer, eventId).flatMap(first -> first
                ? change.get().replaceWith(Boolean.TRUE)
                : Uni.createFrom().item(Boolean.FALSE));
    }
}
