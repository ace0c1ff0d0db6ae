package org.ehcptracker.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.UUID;

/**
 * Events a consumer could not apply for a lasting reason (table {@code dead_letter}): parked with
 * the error so the consumer can go on with the rest of its partition. Parking the same event twice
 * keeps the first record.
 */
@ApplicationScoped
public class DeadLetters {

    static final String INSERT_SQL = "insert into dead_letter (consumer, event_id, type, payload, error) "
            + "values ($1, $2, $3, $4, $5) on conflict do nothing";

    public Uni<Void> park(SqlConnection tx, String consumer, UUID eventId, String type, String payload, String error) {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(eventId, "eventId");
        return tx.preparedQuery(INSERT_SQL)
                .execute(Tuple.of(consumer, eventId, type, payload, error == null ? "(no message)" : error))
                .replaceWithVoid();
    }
}
