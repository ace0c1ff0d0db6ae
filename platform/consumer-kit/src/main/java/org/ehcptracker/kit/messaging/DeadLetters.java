package org.ehcptracker.kit.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Events a consumer could not apply for a lasting reason (table {@code dead_letter}): parked with
 * the error so the consumer can go on with the rest of its partition. Parking the same event twice
 * keeps the first record.
 */
@ApplicationScoped
public class DeadLetters {

    static final String INSERT_SQL = "insert into dead_letter (consumer, event_id, type, payload, error) "
            + "values (?1, ?2, ?3, ?4, ?5) on conflict do nothing";

    public Uni<Void> park(Mutiny.Session session, String consumer, UUID eventId, String type, String payload, String error) {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(eventId, "eventId");
        return session.createNativeQuery(INSERT_SQL)
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, type)
                .setParameter(4, payload)
                .setParameter(5, error == null ? "(no message)" : error)
                .executeUpdate()
                .replaceWithVoid();
    }
}
