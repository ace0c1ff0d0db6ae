package org.ehcptracker.reporting.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.EventUpcasters;
import org.ehcptracker.contracts.IntegrationEvent;

/**
 * Table {@code case_timeline} ({@link CaseTimelineRow}): every event of every case, one row per event id; written a
 * batch at a time by {@link ProjectionBatchStore} ({@code on conflict do nothing}: its primary key is the timeline's
 * idempotency guard, decision 26), read here.
 */
@ApplicationScoped
public class CaseTimelineStore {

    /** The fields every event has; they are columns of their own, so the details leave them out. */
    static final Set<String> COMMON_FIELDS =
            Set.of("type", "eventId", "caseId", "localAuthorityCode", "businessDate", "occurredAt", "schemaVersion");

    private static final ObjectMapper JSON = EventJson.newObjectMapper();
    private static final EventJson READER = new EventJson();
    /** Per type, its current version as EventJson writes the field: {@code "schemaVersion":2}. */
    private static final java.util.Map<String, String> CURRENT_VERSION_FIELD =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * What the batch projection sends PostgreSQL for the details, which takes {@link #COMMON_FIELDS} out itself
     * (ProjectionBatchStore.TIMELINE_SQL): the record as published when it is already of its type's current version
     * (almost every record: no second parse in Java), else {@link #details} (brought to the current version first).
     * The check reads the text as EventJson writes it ({@code "schemaVersion":N}, no spaces); a record written
     * otherwise takes the slower path, with the same result. No event type has a nested "schemaVersion".
     */
    static String detailsSource(String type, String json) {
        String current = CURRENT_VERSION_FIELD.computeIfAbsent(type,
                t -> "\"schemaVersion\":" + EventUpcasters.PUBLISHED.currentVersion(t));
        int at = json.indexOf(current);
        if (at >= 0 && at + current.length() < json.length()) {
            char next = json.charAt(at + current.length());
            if (next == ',' || next == '}') {
                return json;
            }
        }
        return details(json);
    }

    /**
     * The case's events by business date, then by when they were recorded (then event id, to be
     * deterministic); empty for a case never seen. Inside an open session (Panache).
     */
    public Uni<List<CaseTimelineRow>> forCase(UUID caseId) {
        return CaseTimelineRow.list("caseId = ?1 order by businessDate, occurredAt, eventId", caseId);
    }

    /**
     * The event JSON brought to the current version of its type ({@link EventUpcasters#PUBLISHED}: an older
     * record still on the topic, e.g. an AssessmentDecided v1 whose free-text refusal reason may hold a name,
     * is stored as the reader sees it, never as it was written), minus {@link #COMMON_FIELDS}, as a JSON object
     * string. Fields this version does not know are kept.
     */
    static String details(String json) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(json);
            tree = EventUpcasters.PUBLISHED.upcast(EventJson.typeOf(json), tree);
            tree.remove(COMMON_FIELDS);
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("event JSON is not an object: " + e.getMessage(), e);
        }
    }

    /** The events of each of the cases, in {@link #forCase}'s order; inside an open session (Panache). */
    public Uni<List<CaseTimelineRow>> forCases(java.util.Collection<UUID> caseIds) {
        return CaseTimelineRow.list("caseId in ?1 order by businessDate, occurredAt, eventId", List.copyOf(caseIds));
    }

    /**
     * Every event recorded (occurredAt) on or before {@code knownOn} (null: all), of every case (the board's measures rank a
     * council among all of them; issue 13's pre-aggregated tables are to replace this full read). Inside an open
     * session (Panache).
     */
    public Uni<List<CaseTimelineRow>> recordedBy(Instant knownOn) {
        return knownOn == null ? CaseTimelineRow.listAll()
                : CaseTimelineRow.list("occurredAt <= ?1", knownOn.atOffset(ZoneOffset.UTC));
    }

    /**
     * The event a row was made from: its details with the common fields put back. The details were brought to the
     * type's current version when stored, so they are read as that version.
     *
     * @throws IllegalArgumentException when the row cannot be read as an event of a known type
     */
    public static IntegrationEvent event(CaseTimelineRow row) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(row.details);
            tree.put("type", row.type);
            tree.put("eventId", row.eventId.toString());
            tree.put("caseId", row.caseId.toString());
            tree.put("localAuthorityCode", row.localAuthorityCode);
            tree.put("businessDate", row.businessDate.toString());
            tree.put("occurredAt", row.occurredAt.toInstant().toString());
            tree.put("schemaVersion", EventUpcasters.PUBLISHED.currentVersion(row.type));
            // bound from the tree, not written out and parsed again (as EventJson.read(String) would): a board
            // report decodes every event of a council's cases, and the second parse was most of its time
            return JSON.treeToValue(EventUpcasters.PUBLISHED.upcast(row.type, tree), EventJson.classOf(row.type));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("case_timeline row " + row.eventId + " is not a readable event: "
                    + e.getMessage(), e);
        }
    }

    /** The rows as events; a row this version cannot read (a type it does not know) is left out and logged. */
    public static List<IntegrationEvent> events(List<CaseTimelineRow> rows) {
        List<IntegrationEvent> events = new java.util.ArrayList<>(rows.size());
        for (CaseTimelineRow row : rows) {
            try {
                events.add(event(row));
            } catch (IllegalArgumentException unreadable) {
                org.jboss.logging.Logger.getLogger(CaseTimelineStore.class).warn(unreadable.getMessage());
            }
        }
        return events;
    }
}
