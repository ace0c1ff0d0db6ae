package org.ehcptracker.advice.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.UUID;
import org.ehcptracker.advice.domain.AdviceDecider;
import org.ehcptracker.advice.domain.AdviceRequestStatus;
import org.ehcptracker.advice.domain.CancelForClosedCase;
import org.ehcptracker.advice.domain.CaseStatus;
import org.ehcptracker.advice.domain.DefaultAdvice;
import org.ehcptracker.advice.domain.PreparationForAdulthood;
import org.ehcptracker.advice.domain.RequestAdvice;
import org.ehcptracker.advice.persistence.AdviceRequestRow;
import org.ehcptracker.advice.persistence.AdviceReuseRow;
import org.ehcptracker.advice.persistence.AssessmentCaseRow;
import org.ehcptracker.advice.persistence.DefaultAdviceRow;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.persistence.Transactions;
import org.jboss.logging.Logger;

/**
 * What advice-service does by itself when a case changes: a case closed (refused, withdrawn, concluded
 * without a plan) cancels its open advice requests; a case decided for assessment gets the council's
 * default advice set. Each request's command runs in its own transaction, after the consumer's commit:
 * an append must be its transaction's first write and there is one per transaction (event-store.md 3.1),
 * so it cannot share the consumer's. Everything here is idempotent (a closed request yields no event, a
 * default request has an id derived from case and type), so running it again is harmless: the consumer
 * runs it after each event and {@code FollowUpSweep} runs it for every case still owed something, which
 * covers a crash between the consumer's commit and the follow-up.
 */
@ApplicationScoped
public class AdviceFollowUps {

    /** The actor of the follow-ups in the events' metadata. */
    public static final Actor ADVICE_SERVICE = new Actor("system", "advice-service");

    private static final Logger LOG = Logger.getLogger(AdviceFollowUps.class);

    private final AdviceRequests requests;

    public AdviceFollowUps(AdviceRequests requests) {
        this.requests = requests;
    }

    /**
     * Cancels the open requests of {@code caseId} if the case is closed, raises the default advice set if it
     * was decided for assessment and the set is not raised yet; nothing otherwise. Reads in one session,
     * then runs each command in its own transaction. Never fails (the sweep tries again).
     */
    public Uni<Void> afterCaseChanged(UUID caseId) {
        return Transactions.inSession(session -> AssessmentCaseRow.row(caseId).chain(found -> plan(caseId, found)))
                .chain(AdviceFollowUps::runInTurn)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf(e, "follow-up of case %s failed; the sweep will try again", caseId);
                    return null;
                });
    }

    /** Runs {@link #afterCaseChanged} for every case still owed a follow-up; answers how many. */
    public Uni<Integer> sweep() {
        return Transactions.inSession(session -> AssessmentCaseRow.closedWithOpenRequests()
                        .chain(closed -> AssessmentCaseRow.awaitingDefaultSet()
                                .map(assessing -> Stream.concat(closed.stream(), assessing.stream()).distinct().toList())))
                .chain(cases -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (UUID caseId : cases) {
                        chain = chain.chain(() -> afterCaseChanged(caseId));
                    }
                    return chain.replaceWith(cases.size());
                });
    }

    private Uni<List<Supplier<Uni<Void>>>> plan(UUID caseId, Optional<AssessmentCaseRow> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        AssessmentCaseRow row = found.get();
        CaseStatus status = row.status;
        if (status.closesAdvice()) {
            LocalDate closedDate = row.closedDate;
            return AdviceRequestRow.forCase(caseId).map(all -> all.stream()
                    .filter(r -> r.status() == AdviceRequestStatus.REQUESTED)
                    .<Supplier<Uni<Void>>>map(r -> {
                        CancelForClosedCase command = new CancelForClosedCase(r.adviceRequestId(), status,
                                closedDate != null ? closedDate : r.requestedDate());
                        return () -> alone(requests.handleAlone(r.adviceRequestId(), ADVICE_SERVICE,
                                (state, ctx) -> AdviceDecider.decide(command, state, ctx)), "cancel " + r.adviceRequestId());
                    })
                    .toList());
        }
        if (status == CaseStatus.ASSESSING && !row.defaultSetRaised) {
            LocalDate decided = row.decidedDate;
            return DefaultAdviceRow.ofCouncil(row.localAuthorityCode).chain(set -> AdviceReuseRow.typesForCase(caseId).map(reused -> {
                List<Supplier<Uni<Void>>> work = new ArrayList<>();
                if (decided != null) {
                    boolean adulthood = PreparationForAdulthood.due(row.yearGroup, row.receivedDate, decided);
                    for (RequestAdvice command : DefaultAdvice.raisedBy(caseId, decided, set, adulthood, reused)) {
                        work.add(() -> alone(requests.requestAlone(ADVICE_SERVICE, command),
                                "raise default " + command.adviceType() + " advice for case " + caseId));
                    }
                }
                work.add(() -> Transactions.inTransaction(s -> AssessmentCaseRow.row(caseId)
                        .invoke(r -> r.ifPresent(done -> done.defaultSetRaised = true)).replaceWithVoid()));
                return work;
            }));
        }
        return Uni.createFrom().item(List.of());
    }

    private static Uni<Void> runInTurn(List<Supplier<Uni<Void>>> work) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Supplier<Uni<Void>> step : work) {
            chain = chain.chain(() -> step.get());
        }
        return chain;
    }

    /**
     * One command's own transaction; a refusal (the request already raised or closed, its agency deactivated
     * since the set was configured) or a concurrent change is logged and the others go on.
     */
    private static Uni<Void> alone(Uni<Void> command, String what) {
        return command.onFailure().recoverWithItem(e -> {
            LOG.infof("follow-up: did not %s: %s", what, e.getMessage());
            return null;
        });
    }
}
