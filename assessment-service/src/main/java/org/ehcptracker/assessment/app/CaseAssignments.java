package org.ehcptracker.assessment.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.assessment.persistence.CaseAssignmentAudit;
import org.ehcptracker.assessment.persistence.WorklistEntry;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.persistence.Transactions;
import org.jboss.logging.Logger;

/**
 * Which caseworker a case is assigned to: this service's own fact, not a statutory event (nothing is appended
 * or published). Written to the case's worklist row, locked for the change, with an audit row of who changed it
 * and when, in one transaction. Assigning the caseworker already assigned, or unassigning an unassigned case,
 * changes nothing and adds no audit row.
 */
@ApplicationScoped
public class CaseAssignments {

    private static final Logger LOG = Logger.getLogger(CaseAssignments.class);

    private final Clock clock;

    public CaseAssignments(Clock clock) {
        this.clock = clock;
    }

    /** Assigns the case to {@code caseworker}; 404 for an unknown case. */
    public Uni<Assignment> assign(UUID caseId, String caseworker, Actor actor) {
        Objects.requireNonNull(caseworker, "caseworker");
        if (!WorklistQuery.CASEWORKER.matcher(caseworker).matches()) {
            throw CommandRejected.invalid("caseworker",
                    "caseworker must be a caseworker's id as in the sign-in token's subject: 1-100 letters, digits, '.', '_', '@' or '-'");
        }
        return change(caseId, caseworker, actor);
    }

    /** Leaves the case unassigned; 404 for an unknown case. */
    public Uni<Assignment> unassign(UUID caseId, Actor actor) {
        return change(caseId, null, actor);
    }

    /** The current assignment and its history, oldest first; 404 for an unknown case, 403 another council's. */
    public Uni<Assignment> get(UUID caseId, Actor actor) {
        return Transactions.inSession(session -> WorklistEntry.<WorklistEntry>findById(caseId).chain(row -> {
            if (row == null) {
                throw unknown(caseId);
            }
            actor.requireCouncil(row.localAuthorityCode);
            return CaseAssignmentAudit.of(caseId).map(history -> assignment(row, history));
        }));
    }

    private Uni<Assignment> change(UUID caseId, String caseworker, Actor actor) {
        Instant now = clock.instant();
        return Transactions.inTransaction(session -> WorklistEntry.lockedById(caseId).chain(row -> {
                    if (row == null) {
                        throw unknown(caseId);
                    }
                    // the row is the case's council as its events left it (a transfer in moves it)
                    actor.requireCouncil(row.localAuthorityCode);
                    String previous = row.assignedCaseworker;
                    if (Objects.equals(previous, caseworker)) {
                        return Uni.createFrom().voidItem();
                    }
                    row.assignedCaseworker = caseworker;
                    return CaseAssignmentAudit.record(caseId, caseworker, previous, actor.toString(), now).replaceWithVoid()
                            .invoke(() -> LOG.infof("case %s assigned to %s (was %s) by %s", caseId,
                                    caseworker == null ? "nobody" : caseworker, previous == null ? "nobody" : previous, actor));
                }))
                .chain(() -> get(caseId, actor));
    }

    private static Assignment assignment(WorklistEntry row, List<CaseAssignmentAudit> history) {
        return new Assignment(row.caseId, row.assignedCaseworker, history.stream()
                .map(h -> new Assignment.Change(h.caseworker, h.previousCaseworker, h.changedBy, h.changedAt)).toList());
    }

    private static CommandRejected unknown(UUID caseId) {
        return CommandRejected.notFound("no assessment case " + caseId);
    }

    /** A case's assigned caseworker (null: nobody) and every change, oldest first. */
    public record Assignment(UUID caseId, String caseworker, List<Change> history) {

        /** One change: to {@code caseworker} (null: unassigned) from {@code previousCaseworker}, by an actor, when. */
        public record Change(String caseworker, String previousCaseworker, String changedBy, Instant changedAt) {
        }
    }
}
