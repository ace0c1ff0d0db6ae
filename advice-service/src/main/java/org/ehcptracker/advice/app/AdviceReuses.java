package org.ehcptracker.advice.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.ehcptracker.advice.domain.AdviceReuse;
import org.ehcptracker.advice.domain.AdviceReuseDecider;
import org.ehcptracker.advice.domain.AssessmentCase;
import org.ehcptracker.advice.domain.ReuseExistingAdvice;
import org.ehcptracker.advice.persistence.AdviceRequestRow;
import org.ehcptracker.advice.persistence.AdviceReuseRow;
import org.ehcptracker.advice.persistence.AgencyRow;
import org.ehcptracker.advice.persistence.AssessmentCaseRow;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.contracts.advice.ExistingAdviceReused;
import org.ehcptracker.kit.app.EventSourcedAggregates;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.persistence.Transactions;

/**
 * The reuse of existing advice (Reg 6(4)): recorded through {@link EventSourcedAggregates} on the case-and-type
 * stream of {@link AdviceReuse}, with the case view, the directory and the case's requests read in the command's
 * own transaction; the row of {@code advice_reuse} (with the note, kept here only) is written in it after the
 * append. Nothing is sent to the agency and no advice request is made.
 */
@ApplicationScoped
public class AdviceReuses {

    private final EventSourcedAggregates aggregates;

    public AdviceReuses(EventSourcedAggregates aggregates) {
        this.aggregates = aggregates;
    }

    /** Records the reuse; 403 before anything else for a case of a council the actor does not act for. */
    public Uni<ReusedAdvice> reuse(Actor actor, ReuseExistingAdvice command, String note) {
        return aggregates.inTransaction(session -> AssessmentCaseRow.seen(command.caseId())
                        .invoke(seen -> seen.ifPresent(c -> actor.requireCouncil(c.localAuthorityCode())))
                        .chain(seen -> AgencyRow.lookup(seen.map(AssessmentCase::localAuthorityCode).orElse(""), command.agencyId())
                                .chain(agency -> AdviceRequestRow.forCase(command.caseId())
                                        .chain(requests -> aggregates.handle(session, AdviceReuse.TYPE, command.adviceReuseId(), actor,
                                                (state, ctx) -> AdviceReuseDecider.decide(command, state, seen, agency, requests, ctx),
                                                (s, handled) -> AdviceReuseRow.record((ExistingAdviceReused) handled.events().get(0),
                                                        note, actor.toString()))))))
                .map(handled -> {
                    ExistingAdviceReused e = (ExistingAdviceReused) handled.events().get(0);
                    return new ReusedAdvice(e.adviceReuseId(), e.caseId(), e.localAuthorityCode(), e.adviceType(),
                            e.agencyId(), e.adviceDate(), e.businessDate(), actor.toString(), note);
                });
    }

    /** The case's reuses by advice type; empty for an unknown case; 403 for a case of another council. */
    public Uni<List<ReusedAdvice>> forCase(Actor actor, UUID caseId) {
        return Transactions.inSession(session -> AssessmentCaseRow.seen(caseId)
                .chain(seen -> AdviceReuseRow.forCase(caseId).map(rows -> {
                    seen.ifPresent(c -> actor.requireCouncil(c.localAuthorityCode()));
                    rows.forEach(r -> actor.requireCouncil(r.localAuthorityCode));
                    return rows.stream().map(AdviceReuses::of).toList();
                })));
    }

    /** One reuse; 404 when none of that type was recorded for the case; 403 for a case of another council. */
    public Uni<ReusedAdvice> of(Actor actor, UUID caseId, AdviceType type) {
        return Transactions.inSession(session -> AssessmentCaseRow.seen(caseId)
                .chain(seen -> AdviceReuseRow.of(caseId, type).map(found -> {
                    seen.ifPresent(c -> actor.requireCouncil(c.localAuthorityCode()));
                    AdviceReuseRow row = found.orElseThrow(() -> CommandRejected.notFound("no existing " + type
                            + " advice was recorded as reused for case " + caseId));
                    actor.requireCouncil(row.localAuthorityCode);
                    return of(row);
                })));
    }

    private static ReusedAdvice of(AdviceReuseRow r) {
        return new ReusedAdvice(r.adviceReuseId, r.caseId, r.localAuthorityCode, r.adviceType, r.agencyId, r.adviceDate,
                r.recordedDate, r.recordedBy, r.note);
    }
}
