package org.ehcptracker.reporting.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.persistence.Transactions;
import org.ehcptracker.reporting.persistence.CaseTimelineRow;
import org.ehcptracker.reporting.persistence.CaseTimelineStore;

/** The case timeline: every event of a case from all three services (table case_timeline). */
@ApplicationScoped
public class CaseTimelines {

    private static final ObjectMapper JSON = EventJson.newObjectMapper();

    private final CaseTimelineStore timeline;

    public CaseTimelines(CaseTimelineStore timeline) {
        this.timeline = timeline;
    }

    /** The case's events by business date, then by when they were recorded; 404 for a case never seen. */
    public Uni<List<TimelineEntry>> of(UUID caseId) {
        return Transactions.inSession(session -> timeline.forCase(caseId)).map(rows -> {
            if (rows.isEmpty()) {
                throw CommandRejected.notFound("no event of case " + caseId + " has been seen");
            }
            return rows.stream().map(CaseTimelines::entry).toList();
        });
    }

    private static TimelineEntry entry(CaseTimelineRow row) {
        JsonNode details;
        try {
            details = JSON.readTree(row.details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case_timeline.details is not JSON", e);
        }
        return new TimelineEntry(row.type, row.source, row.businessDate, row.occurredAt.toInstant(), details);
    }
}
