package org.ehcptracker.assessment.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.ehcptracker.assessment.domain.CaseStatus;
import org.ehcptracker.assessment.persistence.WorklistEntry;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.persistence.Transactions;

/**
 * The caseworker's worklist and the case search, answered from {@code worklist_entry} (kept in step with the
 * events in their own transaction by {@code WorklistProjection}). Days left and "overdue" are as of the
 * council's today ({@code ehcp.zone}).
 */
@ApplicationScoped
public class Worklist {

    /** As {@code childRef} is accepted when a request is recorded. */
    private static final Pattern CHILD_REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final Clock clock;

    public Worklist(Clock clock) {
        this.clock = clock;
    }

    /** One page of a council's worklist, soonest due first, then by caseId; 403 for a council the actor does not act for. */
    public Uni<WorklistPage> list(WorklistQuery q, Actor actor) {
        actor.requireCouncil(q.localAuthorityCode());
        LocalDate today = LocalDate.now(clock);
        LocalDate dueFrom = null;
        LocalDate dueTo = null;
        if (q.dueWithinDays() != null) {
            dueFrom = today;
            dueTo = today.plusDays(q.dueWithinDays());
        }
        if (Boolean.TRUE.equals(q.overdue())) {
            dueTo = min(dueTo, today.minusDays(1));
        } else if (Boolean.FALSE.equals(q.overdue())) {
            dueFrom = today;
        }
        LocalDate from = dueFrom;
        LocalDate to = dueTo;
        return Transactions.inSession(session -> WorklistEntry.page(q.localAuthorityCode(), q.caseworker(), q.status(),
                        from, to, q.page(), q.size()))
                .map(slice -> new WorklistPage(slice.rows().stream().map(row -> line(row, today)).toList(),
                        slice.total(), q.page(), q.size(), today));
    }

    /**
     * The cases of a child by its pseudonymous childRef (exact), oldest request first, of the councils the actor acts
     * for only (a child who moved has cases in two councils: each sees its own); empty when none.
     */
    public Uni<List<CaseSummary>> byChildRef(String childRef, Actor actor) {
        if (childRef == null || childRef.isBlank()) {
            return Uni.createFrom().failure(CommandRejected.invalid("childRef",
                    "query parameter childRef is required: the pseudonymous child reference, e.g. C-7Q4M2K"));
        }
        if (!CHILD_REF.matcher(childRef).matches()) {
            return Uni.createFrom().failure(CommandRejected.invalid("childRef",
                    "childRef is 1-64 letters, digits, '-' or '_' starting with a letter or digit"));
        }
        return Transactions.inSession(session -> WorklistEntry.forChild(childRef))
                .map(rows -> rows.stream().filter(r -> actor.actsFor(r.localAuthorityCode)).map(r -> new CaseSummary(r.caseId, r.localAuthorityCode, r.childRef, r.status,
                        r.receivedDate, r.clockStart)).toList());
    }

    private static WorklistLine line(WorklistEntry row, LocalDate today) {
        var next = row.next();
        return new WorklistLine(row.caseId, row.localAuthorityCode, row.childRef, row.requestKind, row.status, next, next.daysLeft(today),
                row.assignedCaseworker, row.clockStart, row.receivedDate, row.transferredFromLocalAuthority,
                row.openExceptions, row.finalPlanIssuedDate);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    /** A case found by a search. */
    public record CaseSummary(java.util.UUID caseId, String localAuthorityCode, String childRef, CaseStatus status,
                              LocalDate receivedDate, LocalDate clockStart) {
    }
}
