package org.ehcptracker.kit.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.eventstore.EventStore;
import org.ehcptracker.eventstore.NewEvent;
import org.ehcptracker.eventstore.StoredEvent;
import org.ehcptracker.kit.domain.Actor;

/**
 * How every command is carried out: in one transaction, load the stream, let the aggregate
 * decide on the history, append what it decided at the version it read. A concurrent writer
 * makes the append fail with {@code ConcurrencyConflict} (HTTP 409), so nothing is half-written.
 */
@ApplicationScoped
public class EventSourcedCommands {

    private static final EventJson JSON = new EventJson();
    private static final com.fasterxml.jackson.databind.ObjectMapper METADATA = EventJson.newObjectMapper();

    private final Pool pool;
    private final EventStore store;

    public EventSourcedCommands(Pool pool, EventStore store) {
        this.pool = pool;
        this.store = store;
    }

    /** The stream's events as the published contract type, in version order. */
    public <E extends IntegrationEvent> Uni<List<E>> history(UUID streamId, Class<E> family) {
        return store.load(streamId).map(events -> decode(events, family));
    }

    public <E extends IntegrationEvent> Uni<List<E>> execute(UUID streamId, Class<E> family, Actor actor,
                                                             Function<List<E>, List<? extends E>> decision) {
        return execute(streamId, family, actor, decision, (tx, decided) -> Uni.createFrom().voidItem());
    }

    /**
     * As {@link #execute(UUID, Class, Actor, Function)}, then {@code alsoInTransaction} writes the
     * service's own rows (e.g. erasable personal details) in the same transaction, after the append:
     * the append must be the transaction's first write (see docs/event-store.md).
     */
    public <E extends IntegrationEvent> Uni<List<E>> execute(UUID streamId, Class<E> family, Actor actor,
                                                             Function<List<E>, List<? extends E>> decision,
                                                             BiFunction<SqlConnection, List<E>, Uni<Void>> alsoInTransaction) {
        return pool.withTransaction(tx -> store.load(tx, streamId).chain(stored -> {
            List<E> past = decode(stored, family);
            List<E> decided = List.copyOf(decision.apply(past));
            if (decided.isEmpty()) {
                return Uni.createFrom().item(decided);
            }
            String metadata = metadata(actor);
            List<NewEvent> toAppend = decided.stream()
                    .map(e -> new NewEvent(e.eventId(), e.caseId(), e.getClass().getSimpleName(), e.schemaVersion(),
                            JSON.write(e), metadata, e.occurredAt()))
                    .toList();
            return store.append(tx, streamId, past.size(), toAppend)
                    .chain(() -> alsoInTransaction.apply(tx, decided))
                    .replaceWith(decided);
        }));
    }

    private static String metadata(Actor actor) {
        try {
            return METADATA.writeValueAsString(Map.of("actor", actor.toString()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <E extends IntegrationEvent> List<E> decode(List<StoredEvent> stored, Class<E> family) {
        return stored.stream().map(s -> JSON.read(s.payloadJson(), family)).toList();
    }
}
