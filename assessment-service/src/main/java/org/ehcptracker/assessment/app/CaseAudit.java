package org.ehcptracker.assessment.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.ehcptracker.assessment.persistence.CaseAssignmentAudit;
import org.ehcptracker.assessment.persistence.PersonalDataRead;
import org.ehcptracker.assessment.persistence.PersonalDetailsChange;
import org.ehcptracker.eventstore.EventStore;
import org.ehcptracker.eventstore.StoredEvent;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.persistence.Transactions;

/**
 * Who did what to a case, and when (issue 11, item 5): every event of the case's stream with the actor its
 * metadata holds ({@code role:subject}) and the time it was recorded, every change of the assigned caseworker,
 * and every recorded read of the child's personal details. Oldest first. Scope as for every read: 404 for an
 * unknown case, 403 for another council's.
 */
@ApplicationScoped
public class CaseAudit {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AssessmentCases cases;
    private final EventStore store;

    public CaseAudit(AssessmentCases cases, EventStore store) {
        this.cases = cases;
        this.store = store;
    }

    /** What the audit answers: one line per action. */
    public enum Kind {
        /** an event appended to the case's stream (a statutory step or a correction) */
        EVENT,
        /** the assigned caseworker changed (this service's own fact, not an event) */
        ASSIGNMENT,
        /** the child's personal details (or the notes) were shown to a user */
        PERSONAL_DATA_READ,
        /** the child's SEN2 person details were corrected (the fields held after it) */
        PERSONAL_DETAILS_CHANGED
    }

    /**
     * @param actor  {@code role:subject} as recorded (never a name)
     * @param action the event type; {@code assigned <caseworker>} or {@code unassigned}; for a read, the fields shown
     */
    public record Entry(Instant at, String actor, Kind kind, String action) {
    }

    public Uni<List<Entry>> of(UUID caseId, Actor actor) {
        return Transactions.inSession(session -> cases.loadInScope(caseId, actor)
                .chain(state -> store.load(session, caseId))
                .chain(events -> CaseAssignmentAudit.of(caseId).chain(assignments -> PersonalDataRead.of(caseId)
                        .chain(reads -> PersonalDetailsChange.of(caseId)
                                .map(changes -> entries(events, assignments, reads, changes))))));
    }

    private static List<Entry> entries(List<StoredEvent> events, List<CaseAssignmentAudit> assignments,
                                       List<PersonalDataRead> reads, List<PersonalDetailsChange> changes) {
        var out = new ArrayList<Entry>();
        events.forEach(e -> out.add(new Entry(e.occurredAt(), actorOf(e), Kind.EVENT, e.type())));
        assignments.forEach(a -> out.add(new Entry(a.changedAt, a.changedBy, Kind.ASSIGNMENT,
                a.caseworker == null ? "unassigned" : "assigned " + a.caseworker)));
        reads.forEach(r -> out.add(new Entry(r.readAt, r.actorRole + ":" + r.actorSubject, Kind.PERSONAL_DATA_READ, r.fields)));
        changes.forEach(c -> out.add(new Entry(c.changedAt, c.actorRole + ":" + c.actorSubject,
                Kind.PERSONAL_DETAILS_CHANGED, c.fields)));
        // stable: events keep their stream order, each source its own order, at equal times
        out.sort(Comparator.comparing(Entry::at));
        return out;
    }

    private static String actorOf(StoredEvent event) {
        try {
            return JSON.readTree(event.metadataJson()).path("actor").asText("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
