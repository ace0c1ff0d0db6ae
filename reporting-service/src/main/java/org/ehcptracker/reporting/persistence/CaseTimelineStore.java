package org.ehcptracker.reporting.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.reporting.domain.EventSource;

/** Table {@code case_timeline}: every event of every case, one row per event id. */
@ApplicationScoped
public class CaseTimelineStore {

    /** The fields every event has; they are columns of their own, so the details leave them out. */
    static final Set<String> COMMON_FIELDS =
            Set.of("type", "eventId", "caseId", "localAuthorityCode", "businessDate", "occurredAt", "schemaVersion");

    private static final ObjectMapper JSON = EventJson.newObjectMapper();

    private final Pool pool;

    public CaseTimelineStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Records the event inside {@code tx}; a second insert of the same event id is ignored (the
     * processed_event guard already stops it, this keeps a rebuild without that guard safe too).
     *
     * @param json the record value as published, so fields this version does not know are kept in the details
     */
    public Uni<Void> record(SqlConnection tx, IntegrationEvent event, String json) {
        return tx.preparedQuery("""
                        insert into case_timeline (event_id, case_id, local_authority_code, source, type,
                            business_date, occurred_at, details)
                        values ($1, $2, $3, $4, $5, $6, $7, $8)
                        on conflict (event_id) do nothing""")
                .execute(Tuple.from(Arrays.asList(
                        event.eventId(), event.caseId(), event.localAuthorityCode(),
                        EventSource.of(event).label(), event.getClass().getSimpleName(),
                        event.businessDate(), event.occurredAt().atOffset(ZoneOffset.UTC),
                        new JsonObject(details(json)))))
                .replaceWithVoid();
    }

    /** The case's events by business date, then by when they were recorded; empty for a case never seen. */
    public Uni<List<TimelineEntry>> forCase(UUID caseId) {
        return pool.preparedQuery("""
                        select type, source, business_date, occurred_at, details::text as details
                        from case_timeline where case_id = $1
                        order by business_date, occurred_at, event_id""")
                .execute(Tuple.of(caseId))
                .map(rows -> {
                    List<TimelineEntry> entries = new ArrayList<>();
                    rows.forEach(r -> entries.add(entry(r)));
                    return entries;
                });
    }

    /** The event JSON minus {@link #COMMON_FIELDS}, as a JSON object string. */
    static String details(String json) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(json);
            tree.remove(COMMON_FIELDS);
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("event JSON is not an object: " + e.getMessage(), e);
        }
    }

    private static TimelineEntry entry(Row r) {
        JsonNode details;
        try {
            details = JSON.readTree(r.getString("details"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case_timeline.details is not JSON", e);
        }
        return new TimelineEntry(r.getString("type"), r.getString("source"), r.getLocalDate("business_date"),
                r.getOffsetDateTime("occurred_at").toInstant(), details);
    }
}
