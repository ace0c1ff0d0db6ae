package org.ehcptracker.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Appends to and loads event streams in the service's own PostgreSQL database (table {@code event},
 * created by the Flyway scripts in {@code db/event-store}). See docs/event-store.md.
 *
 * <p>Rules for {@link #append(SqlConnection, UUID, int, List)}:
 * <ul>
 *   <li>it runs inside the caller's transaction ({@code pool.withTransaction(tx -> ...)}), so the
 *       caller can write its own tables in the same transaction, but only <em>after</em> the append;</li>
 *   <li>it must be the first write of that transaction, else {@link IllegalStateException} (the
 *       relay's per-stream ordering depends on it);</li>
 *   <li>a stale {@code expectedVersion} or a concurrent append fails with {@link ConcurrencyConflict}.</li>
 * </ul>
 */
@ApplicationScoped
public class EventStore {

    /** The expected version of a stream that has no events yet. */
    public static final int NO_STREAM = 0;

    static final String UNIQUE_VIOLATION = "23505";
    static final String STREAM_VERSION_CONSTRAINT = "event_stream_version_key";

    static final String CHECK_SQL = """
            select pg_current_xact_id_if_assigned() is null as first_write,
                   coalesce((select max(stream_version) from event where stream_id = $1), 0) as current_version""";

    static final String INSERT_SQL = """
            insert into event (event_id, stream_id, stream_version, case_id, type, schema_version,
                               payload, metadata, occurred_at)
            select e.event_id, $1, ($2::int + e.ord)::int, e.case_id, e.type, e.schema_version,
                   e.payload::jsonb, e.metadata::jsonb, e.occurred_at
              from unnest($3::uuid[], $4::uuid[], $5::text[], $6::int[], $7::text[], $8::text[], $9::timestamptz[])
                   with ordinality as e(event_id, case_id, type, schema_version, payload, metadata, occurred_at, ord)
             order by e.ord
            returning position, event_id, stream_id, stream_version, case_id, type, schema_version,
                      payload::text as payload, metadata::text as metadata, occurred_at""";

    static final String LOAD_SQL = """
            select position, event_id, stream_id, stream_version, case_id, type, schema_version,
                   payload::text as payload, metadata::text as metadata, occurred_at
              from event where stream_id = $1 order by stream_version""";

    private final Pool pool;

    @Inject
    public EventStore(Pool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    /** For CDI proxies only. */
    protected EventStore() {
        this.pool = null;
    }

    /**
     * Appends {@code events} to the stream as versions {@code expectedVersion + 1 ...}, inside the
     * caller's transaction {@code tx}. Nothing is visible (nor published) until that transaction
     * commits.
     *
     * @param expectedVersion the version the caller's decision was based on ({@link #NO_STREAM} for a new stream)
     * @return the stored events, in version order; empty (and no database call) when {@code events} is empty
     * @throws ConcurrencyConflict   (as the Uni's failure) when the stream is not at {@code expectedVersion}
     * @throws IllegalStateException (as the Uni's failure) when {@code tx} already wrote something
     */
    public Uni<List<StoredEvent>> append(SqlConnection tx, UUID streamId, int expectedVersion, List<NewEvent> events) {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(events, "events");
        if (expectedVersion < 0) {
            return Uni.createFrom().failure(new IllegalArgumentException("expectedVersion must be >= 0, was " + expectedVersion));
        }
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return tx.preparedQuery(CHECK_SQL).execute(Tuple.of(streamId))
                .flatMap(rows -> {
                    Row row = rows.iterator().next();
                    if (!row.getBoolean("first_write")) {
                        return Uni.createFrom().failure(new IllegalStateException(
                                "append must be the first write in its transaction: this transaction already wrote"
                                        + " something (it has a transaction id), so its events could be published"
                                        + " before events of the same stream appended by a transaction that started"
                                        + " writing later. Append first, then update other tables in the same transaction."));
                    }
                    int current = row.getInteger("current_version");
                    if (current != expectedVersion) {
                        return Uni.createFrom().failure(new ConcurrencyConflict(streamId, expectedVersion, current, null));
                    }
                    return tx.preparedQuery(INSERT_SQL).execute(insertParams(streamId, expectedVersion, events))
                            .onFailure(EventStore::isStreamVersionViolation)
                            .transform(e -> new ConcurrencyConflict(streamId, expectedVersion, null, e))
                            .map(EventStore::toEvents);
                });
    }

    /** {@link #append(SqlConnection, UUID, int, List)} in a transaction of its own. */
    public Uni<List<StoredEvent>> append(UUID streamId, int expectedVersion, List<NewEvent> events) {
        return pool.withTransaction(tx -> append(tx, streamId, expectedVersion, events));
    }

    /** All events of the stream in version order; empty for an unknown stream. */
    public Uni<List<StoredEvent>> load(UUID streamId) {
        return load(pool, streamId);
    }

    /** As {@link #load(UUID)}, on the given connection (e.g. inside a transaction). */
    public Uni<List<StoredEvent>> load(SqlConnection connection, UUID streamId) {
        return load((SqlClient) connection, streamId);
    }

    private Uni<List<StoredEvent>> load(SqlClient client, UUID streamId) {
        Objects.requireNonNull(streamId, "streamId");
        return client.preparedQuery(LOAD_SQL).execute(Tuple.of(streamId)).map(EventStore::toEvents);
    }

    private static Tuple insertParams(UUID streamId, int expectedVersion, List<NewEvent> events) {
        int n = events.size();
        UUID[] eventIds = new UUID[n];
        UUID[] caseIds = new UUID[n];
        String[] types = new String[n];
        Integer[] schemaVersions = new Integer[n];
        String[] payloads = new String[n];
        String[] metadata = new String[n];
        OffsetDateTime[] occurredAt = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            NewEvent e = Objects.requireNonNull(events.get(i), "events must not contain null");
            eventIds[i] = e.eventId();
            caseIds[i] = e.caseId();
            types[i] = e.type();
            schemaVersions[i] = e.schemaVersion();
            payloads[i] = e.payloadJson();
            metadata[i] = e.metadataJson();
            occurredAt[i] = e.occurredAt().atOffset(ZoneOffset.UTC);
        }
        return Tuple.tuple()
                .addUUID(streamId)
                .addInteger(expectedVersion)
                .addArrayOfUUID(eventIds)
                .addArrayOfUUID(caseIds)
                .addArrayOfString(types)
                .addArrayOfInteger(schemaVersions)
                .addArrayOfString(payloads)
                .addArrayOfString(metadata)
                .addArrayOfOffsetDateTime(occurredAt);
    }

    static boolean isStreamVersionViolation(Throwable t) {
        return t instanceof PgException pg
                && UNIQUE_VIOLATION.equals(pg.getSqlState())
                && STREAM_VERSION_CONSTRAINT.equals(pg.getConstraint());
    }

    private static List<StoredEvent> toEvents(RowSet<Row> rows) {
        List<StoredEvent> events = new ArrayList<>(rows.size());
        for (Row r : rows) {
            events.add(new StoredEvent(
                    r.getLong("position"),
                    r.getUUID("event_id"),
                    r.getUUID("stream_id"),
                    r.getInteger("stream_version"),
                    r.getUUID("case_id"),
                    r.getString("type"),
                    r.getInteger("schema_version"),
                    r.getString("payload"),
                    r.getString("metadata"),
                    r.getOffsetDateTime("occurred_at").toInstant()));
        }
        events.sort((a, b) -> Integer.compare(a.streamVersion(), b.streamVersion()));
        return List.copyOf(events);
    }
}
