package org.ehcptracker.reporting.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.persistence.Transactions;
import org.ehcptracker.reporting.domain.CaseHoldUps;
import org.ehcptracker.reporting.persistence.CaseProgressRow;
import org.ehcptracker.reporting.persistence.CaseTimelineRow;
import org.ehcptracker.reporting.persistence.CaseTimelineStore;

/** The case timeline: every event of a case from all three services (table case_timeline). */
@ApplicationScoped
public class CaseTimelines {

    private static final ObjectMapper JSON = EventJson.newObjectMapper();
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CaseTimelines.class);

    private final CaseTimelineStore timeline;

    public CaseTimelines(CaseTimelineStore timeline) {
        this.timeline = timeline;
    }

    /**
     * The case's events by business date, then by when they were recorded; 404 for a case never seen, 403 (before
     * anything is returned) for an actor who does not act for the case's council ({@link #councilsOf}).
     */
    public Uni<List<TimelineEntry>> of(UUID caseId, Actor actor) {
        return Transactions.inSession(session -> timeline.forCase(caseId).chain(rows -> {
            if (rows.isEmpty()) {
                throw CommandRejected.notFound("no event of case " + caseId + " has been seen");
            }
            return CaseProgressRow.<CaseProgressRow>findById(caseId).map(progress -> {
                councilsOf(progress, rows).forEach(actor::requireCouncil);
                return rows.stream().map(CaseTimelines::entry).toList();
            });
        }));
    }

    /**
     * What holds each of the cases on {@code today} ({@link CaseHoldUps}), from their events as this service has
     * them; a case with no event seen is held up by nothing. The caller has already scoped the cases to the user's
     * council (the worklist API's answer). A row that cannot be read as an event is left out (logged once per page).
     */
    public Uni<Map<UUID, List<CaseHoldUps.HoldUp>>> holdUps(Collection<UUID> caseIds, LocalDate today) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Transactions.inSession(session -> timeline.forCases(caseIds).map(rows -> {
            Map<UUID, List<IntegrationEvent>> byCase = new HashMap<>();
            for (CaseTimelineRow row : rows) {
                try {
                    byCase.computeIfAbsent(row.caseId, id -> new ArrayList<>()).add(CaseTimelineStore.event(row));
                } catch (IllegalArgumentException unreadable) {
                    LOG.warnf("held up by: %s", unreadable.getMessage());
                }
            }
            Map<UUID, List<CaseHoldUps.HoldUp>> holdUps = new HashMap<>();
            byCase.forEach((id, events) -> holdUps.put(id, CaseHoldUps.on(today, events)));
            return holdUps;
        }));
    }

    /**
     * The council a case belongs to: the one reporting's own case_progress names (the council now responsible:
     * after a transfer in, the receiving council, whose caseworkers then see the case's whole history and the
     * sending council's no longer do). A case case_progress does not know yet (only advice or plan events seen, its
     * request not arrived) belongs to every council its events name: the actor must act for each.
     */
    static Set<String> councilsOf(CaseProgressRow progress, List<CaseTimelineRow> rows) {
        if (progress != null && progress.localAuthorityCode != null) {
            return Set.of(progress.localAuthorityCode);
        }
        var named = new TreeSet<String>();
        rows.forEach(row -> named.add(row.localAuthorityCode));
        return named;
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
