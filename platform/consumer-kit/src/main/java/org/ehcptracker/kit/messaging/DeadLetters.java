package org.ehcptracker.kit.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.contracts.EventJson;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Events a consumer could not apply for a lasting reason (table {@code dead_letter}): parked with
 * the error so the consumer can go on with the rest of its partition. Parking the same event again (a replay that
 * failed once more) keeps the row and its payload and records the latest error and time.
 */
@ApplicationScoped
public class DeadLetters {

    static final String INSERT_SQL = "insert into dead_letter (consumer, event_id, type, payload, error) "
            + "values (?1, ?2, ?3, ?4, ?5) on conflict (consumer, event_id) do update "
            + "set error = excluded.error, parked_at = now()";

    private static final String SELECT = "select consumer, event_id, type, error, parked_at, payload from dead_letter ";

    private static final ObjectMapper TREE = EventJson.newObjectMapper();

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

    /** The oldest parked records first. */
    public Uni<List<ParkedEvents.Parked>> list(Mutiny.Session session, int limit) {
        return session.createNativeQuery(SELECT + "order by parked_at, consumer, event_id limit ?1", Object[].class)
                .setParameter(1, limit)
                .getResultList()
                .map(rows -> rows.stream().map(DeadLetters::parked).toList());
    }

    public Uni<Optional<ParkedEvents.Parked>> find(Mutiny.Session session, String consumer, UUID eventId) {
        return session.createNativeQuery(SELECT + "where consumer = ?1 and event_id = ?2", Object[].class)
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .getResultList()
                .map(rows -> rows.stream().findFirst().map(DeadLetters::parked));
    }

    public Uni<Optional<String>> payload(Mutiny.Session session, String consumer, UUID eventId) {
        return session.createNativeQuery("select payload from dead_letter where consumer = ?1 and event_id = ?2",
                        String.class)
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .getResultList()
                .map(rows -> rows.stream().findFirst());
    }

    public Uni<Void> remove(Mutiny.Session session, String consumer, UUID eventId) {
        return session.createNativeQuery("delete from dead_letter where consumer = ?1 and event_id = ?2")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate()
                .replaceWithVoid();
    }

    private static ParkedEvents.Parked parked(Object[] row) {
        Object at = row[4];
        Instant parkedAt = at instanceof OffsetDateTime o ? o.toInstant() : at instanceof Instant i ? i : null;
        return new ParkedEvents.Parked((String) row[0], (UUID) row[1], (String) row[2],
                localAuthorityCodeOf((String) row[5]), (String) row[3], parkedAt);
    }

    /** The council the parked event is about, read from its payload; null when the payload is not an event. */
    static String localAuthorityCodeOf(String payload) {
        try {
            var la = TREE.readTree(payload).path("localAuthorityCode");
            return la.isTextual() ? la.asText() : null;
        } catch (Exception notJson) {
            return null;
        }
    }
}
