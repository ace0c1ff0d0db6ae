package org.ehcptracker.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Appends to and loads event streams in the service's own PostgreSQL database (table {@code event},
 * created by the Flyway scripts in {@code db/event-store}). See docs/event-store.md.
 *
 * <p>The services append through their Hibernate Reactive session ({@link #append(Mutiny.Session, UUID, int, List)}),
 * so the events, the inline projections and any entity written in the same session commit or roll back
 * together. The relay and the store's own tests use the Vert.x client; both run the same SQL
 * ({@link StoreSql}), so there is one implementation of the rules:
 * <ul>
 *   <li>the append runs inside the caller's transaction; the caller writes its own tables in the same
 *       transaction, but only <em>after</em> the append;</li>
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

    /**
     * The whole append in one statement, so it costs one round trip: {@code state} (materialised, so it is
     * evaluated once, before the first row is inserted and so before this statement takes a transaction id) reads
     * whether the transaction has written before and the stream's committed version; the insert writes only when the
     * append is the first write and the stream is at {@code ?2}. The batch arrives as one JSON array (a text
     * parameter), which both clients bind the same way. The result always has a row: the state, with the inserted
     * rows' position, version and normalised JSON joined to it, or nulls when nothing was inserted. A concurrent
     * append of the same version still reaches the unique key, the last guard. Payload and metadata sit in the batch
     * as JSON values (not strings), so PostgreSQL parses each once.
     */
    static final String APPEND_SQL = """
            with state as materialized (
                select pg_current_xact_id_if_assigned() is null as first_write,
                       coalesce((select max(stream_version) from event where stream_id = ?1), 0) as current_version
            ), appended as (
                insert into event (event_id, stream_id, stream_version, case_id, type, schema_version,
                                   payload, metadata, occurred_at)
                select e.event_id, ?1, (?2 + e.ord)::int, e.case_id, e.type, e.schema_version,
                       e.payload, e.metadata, e.occurred_at
                  from state s,
                       jsonb_to_recordset(cast(cast(?3 as text) as jsonb))
                       as e(event_id uuid, case_id uuid, type text, schema_version int, payload jsonb, metadata jsonb,
                            occurred_at timestamptz, ord int)
                 where s.first_write and s.current_version = ?2
                 order by e.ord
                returning position, stream_version, payload, metadata
            )
            select s.first_write::text, s.current_version::text, a.position::text, a.stream_version::text,
                   a.payload::text, a.metadata::text
              from state s left join appended a on true""";

    private static final String COLUMNS = """
            position::text, event_id::text, stream_id::text, stream_version::text, case_id::text, type,
            schema_version::text, payload::text, metadata::text,
            to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')""";

    static final String LOAD_SQL = "select " + COLUMNS + " from event where stream_id = ?1 order by stream_version";

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
     * session's transaction. Nothing is visible (nor published) until that transaction commits.
     *
     * @param expectedVersion the version the caller's decision was based on ({@link #NO_STREAM} for a new stream)
     * @return the stored events, in version order; empty (and no database call) when {@code events} is empty
     * @throws ConcurrencyConflict   (as the Uni's failure) when the stream is not at {@code expectedVersion}
     * @throws IllegalStateException (as the Uni's failure) when the transaction already wrote something
     */
    public Uni<List<StoredEvent>> append(Mutiny.Session session, UUID streamId, int expectedVersion, List<NewEvent> events) {
        return append(StoreSql.of(session), streamId, expectedVersion, events);
    }

    /** As {@link #append(Mutiny.Session, UUID, int, List)}, in a Vert.x transaction {@code tx}. */
    public Uni<List<StoredEvent>> append(SqlConnection tx, UUID streamId, int expectedVersion, List<NewEvent> events) {
        return append(StoreSql.of(tx), streamId, expectedVersion, events);
    }

    /**
     * As {@link #append(SqlConnection, UUID, int, List)} in a transaction of its own: the append is one statement,
     * so it runs as PostgreSQL's implicit transaction (one round trip, no BEGIN and COMMIT of its own).
     */
    public Uni<List<StoredEvent>> append(UUID streamId, int expectedVersion, List<NewEvent> events) {
        return append(StoreSql.of(pool), streamId, expectedVersion, events);
    }

    /** All events of the stream in version order, read in the session's transaction; empty for an unknown stream. */
    public Uni<List<StoredEvent>> load(Mutiny.Session session, UUID streamId) {
        return load(StoreSql.of(session), streamId);
    }

    /** As {@link #load(Mutiny.Session, UUID)}, on a Vert.x connection. */
    public Uni<List<StoredEvent>> load(SqlConnection connection, UUID streamId) {
        return load(StoreSql.of(connection), streamId);
    }

    /** As {@link #load(Mutiny.Session, UUID)}, outside any transaction. */
    public Uni<List<StoredEvent>> load(UUID streamId) {
        return load(StoreSql.of(pool), streamId);
    }

    private Uni<List<StoredEvent>> append(StoreSql sql, UUID streamId, int expectedVersion, List<NewEvent> events) {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(events, "events");
        if (expectedVersion < 0) {
            return Uni.createFrom().failure(new IllegalArgumentException("expectedVersion must be >= 0, was " + expectedVersion));
        }
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String batch;
        try {
            batch = batchJson(events);
        } catch (IllegalArgumentException notOneObject) {
            return Uni.createFrom().failure(notOneObject);
        }
        return sql.query(APPEND_SQL, streamId, expectedVersion, batch)
                .onFailure(EventStore::isStreamVersionViolation)
                .transform(e -> new ConcurrencyConflict(streamId, expectedVersion, null, e))
                .flatMap(rows -> {
                    String[] state = rows.get(0);
                    if (!Boolean.parseBoolean(state[0])) {
                        return Uni.createFrom().failure(new IllegalStateException(
                                "append must be the first write in its transaction: this transaction already wrote"
                                        + " something (it has a transaction id), so its events could be published"
                                        + " before events of the same stream appended by a transaction that started"
                                        + " writing later. Append first, then update other tables in the same transaction."));
                    }
                    int current = Integer.parseInt(state[1]);
                    if (current != expectedVersion || state[2] == null) {
                        return Uni.createFrom().failure(new ConcurrencyConflict(streamId, expectedVersion, current, null));
                    }
                    return Uni.createFrom().item(appended(streamId, expectedVersion, events, rows));
                });
    }

    /** The stored events from what the caller gave and what the insert returned (position, version, jsonb text). */
    private static List<StoredEvent> appended(UUID streamId, int expectedVersion, List<NewEvent> events, List<String[]> rows) {
        if (rows.size() != events.size()) {
            throw new IllegalStateException("appended " + rows.size() + " rows for " + events.size() + " events");
        }
        StoredEvent[] out = new StoredEvent[events.size()];
        for (String[] r : rows) {
            int version = Integer.parseInt(r[3]);
            NewEvent e = events.get(version - expectedVersion - 1);
            out[version - expectedVersion - 1] = new StoredEvent(Long.parseLong(r[2]), e.eventId(), streamId, version,
                    e.caseId(), e.type(), e.schemaVersion(), r[4], r[5], e.occurredAt().truncatedTo(ChronoUnit.MICROS));
        }
        return List.of(out);
    }

    private static Uni<List<StoredEvent>> load(StoreSql sql, UUID streamId) {
        Objects.requireNonNull(streamId, "streamId");
        return sql.query(LOAD_SQL, streamId).map(EventStore::toEvents);
    }

    private static String batchJson(List<NewEvent> events) {
        StringBuilder batch = new StringBuilder(256 * events.size());
        batch.append('[');
        int ord = 1;
        for (NewEvent e : events) {
            Objects.requireNonNull(e, "events must not contain null");
            if (ord > 1) {
                batch.append(',');
            }
            batch.append("{\"event_id\":\"").append(e.eventId())
                    .append("\",\"case_id\":\"").append(e.caseId())
                    .append("\",\"type\":").append(Json.encode(e.type()))
                    .append(",\"schema_version\":").append(e.schemaVersion())
                    .append(",\"payload\":").append(oneObject(e.payloadJson(), "payloadJson"))
                    .append(",\"metadata\":").append(oneObject(e.metadataJson(), "metadataJson"))
                    // PostgreSQL keeps microseconds and would round the rest; truncate as the column always did
                    .append(",\"occurred_at\":\"").append(e.occurredAt().truncatedTo(ChronoUnit.MICROS))
                    .append("\",\"ord\":").append(ord++).append('}');
        }
        return batch.append(']').toString();
    }

    /**
     * The caller's text goes into the batch as it is, so it must be exactly one JSON object: text that closes its
     * object early (and so could add keys or rows to the batch) is refused here; anything else that is not JSON,
     * PostgreSQL refuses when it parses the batch. Strings are skipped with their escapes, as a JSON parser does.
     */
    static String oneObject(String json, String what) {
        int n = json.length();
        int i = 0;
        while (i < n && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        if (i == n || json.charAt(i) != '{') {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (; i < n; i++) {
            char c = json.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    for (int j = i + 1; j < n; j++) {
                        if (!Character.isWhitespace(json.charAt(j))) {
                            throw new IllegalArgumentException(what + " must be one JSON object, with nothing after it");
                        }
                    }
                    return json;
                }
            }
        }
        throw new IllegalArgumentException(what + " must be a complete JSON object");
    }

    /**
     * The stream-version key broken by a concurrent append. The Vert.x client reports it as a
     * {@link PgException}; through a Hibernate Reactive session it arrives as Hibernate's
     * ConstraintViolationException over a {@link java.sql.SQLException} carrying the SQLSTATE and, in its
     * message, the constraint's name.
     */
    static boolean isStreamVersionViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                    && STREAM_VERSION_CONSTRAINT.equals(pg.getConstraint())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException cv
                    && STREAM_VERSION_CONSTRAINT.equals(cv.getConstraintName())) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains(STREAM_VERSION_CONSTRAINT)) {
                return true;
            }
        }
        return false;
    }

    private static List<StoredEvent> toEvents(List<String[]> rows) {
        List<StoredEvent> events = new ArrayList<>(rows.size());
        for (String[] r : rows) {
            events.add(new StoredEvent(
                    Long.parseLong(r[0]),
                    UUID.fromString(r[1]),
                    UUID.fromString(r[2]),
                    Integer.parseInt(r[3]),
                    UUID.fromString(r[4]),
                    r[5],
                    Integer.parseInt(r[6]),
                    r[7],
                    r[8],
                    Instant.parse(r[9])));
        }
        events.sort(Comparator.comparingInt(StoredEvent::streamVersion));
        return List.copyOf(events);
    }
}
