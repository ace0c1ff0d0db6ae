package org.ehcptracker.advice.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.ehcptracker.advice.domain.AdviceDecider;
import org.ehcptracker.advice.domain.AdviceRequest;
import org.ehcptracker.advice.domain.AdviceRequestReach;
import org.ehcptracker.advice.domain.AdviceRequestState;
import org.ehcptracker.advice.domain.CancelAdviceRequest;
import org.ehcptracker.advice.domain.RequestAdvice;
import org.ehcptracker.advice.domain.SubmitAdvice;
import org.ehcptracker.advice.domain.AssessmentCase;
import org.ehcptracker.advice.persistence.AdviceSubmissionRow;
import org.ehcptracker.advice.persistence.AgencyRow;
import org.ehcptracker.advice.persistence.DefaultAdviceRow;
import org.ehcptracker.advice.domain.DefaultAdvice;
import org.ehcptracker.advice.persistence.AdviceExceptionRow;
import org.ehcptracker.advice.persistence.AdviceCancellationRow;
import org.ehcptracker.advice.persistence.AdviceReworkRow;
import org.ehcptracker.advice.domain.RecordAdviceException;
import org.ehcptracker.advice.domain.ReturnForRework;
import org.ehcptracker.advice.persistence.AdviceRequestRow;
import org.ehcptracker.advice.domain.AdviceRequestStatus;
import org.ehcptracker.advice.domain.CancelForClosedCase;
import org.ehcptracker.advice.domain.CaseStatus;
import org.hibernate.reactive.mutiny.Mutiny;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.persistence.Transactions;
import org.ehcptracker.advice.persistence.AssessmentCaseRow;
import org.ehcptracker.contracts.advice.AdviceEvent;
import org.ehcptracker.kit.app.EventSourcedAggregates;
import org.ehcptracker.kit.app.EventSourcedAggregates.AfterAppend;
import org.ehcptracker.kit.app.Handled;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.Decision;

/**
 * The commands on advice requests. Each runs in one transaction through {@link EventSourcedAggregates}:
 * load, decide ({@link AdviceDecider}), append, then the advice-request view
 * ({@code AdviceRequestViewProjection}). Each answers with the request as the command left it.
 */
@ApplicationScoped
public class AdviceRequests {

    private final EventSourcedAggregates aggregates;
    private final Clock clock;

    public AdviceRequests(EventSourcedAggregates aggregates, Clock clock) {
        this.aggregates = aggregates;
        this.clock = clock;
    }

    /**
     * Opens a new request; {@code adviceRequestId} (the new stream) is chosen by the caller. The local view
     * of the case is read in the command's own transaction, so the decision sees the case as of then; the actor
     * must act for the case's council (403 before anything else is looked at). A case this service has not seen
     * has no council here: the decider refuses it (422).
     */
    public Uni<AdviceRequestAsOf> request(UUID adviceRequestId, Actor actor, RequestAdvice command) {
        return request(adviceRequestId, actor, command, true);
    }

    private Uni<AdviceRequestAsOf> request(UUID adviceRequestId, Actor actor, RequestAdvice command, boolean scoped) {
        return aggregates.inTransaction(session -> AssessmentCaseRow.seen(command.caseId())
                        .invoke(seenCase -> {
                            if (scoped) {
                                seenCase.ifPresent(c -> actor.requireCouncil(c.localAuthorityCode()));
                            }
                        })
                        .chain(seenCase -> AgencyRow.lookup(seenCase.map(AssessmentCase::localAuthorityCode).orElse(""),
                                        command.agencyId())
                                .chain(agency -> aggregates.handle(session, AdviceRequest.TYPE, adviceRequestId, actor,
                                        (state, ctx) -> AdviceDecider.decide(command, state, seenCase, agency, ctx),
                                        AfterAppend.nothing()))))
                .map(this::asOfToday);
    }

    /** Records the agency's advice; its text goes to {@code advice_submission} only, in the same transaction. */
    public Uni<AdviceRequestAsOf> submit(UUID adviceRequestId, Actor actor, SubmitAdvice command) {
        return aggregates.handle(AdviceRequest.TYPE, adviceRequestId, actor,
                        (state, ctx) -> AdviceDecider.decide(command, reached(actor, state), ctx),
                        (session, handled) -> AdviceSubmissionRow.record(adviceRequestId, actor.toString(),
                                command.summary(), handled.events().get(0).occurredAt()))
                .map(this::asOfToday);
    }

    /** Returns submitted advice for rework; the note goes to {@code advice_rework} only, in the same transaction. */
    public Uni<AdviceRequestAsOf> returnForRework(UUID adviceRequestId, Actor actor, ReturnForRework command) {
        return aggregates.handle(AdviceRequest.TYPE, adviceRequestId, actor,
                        (state, ctx) -> AdviceDecider.decide(command, reached(actor, state), ctx),
                        (session, handled) -> AdviceReworkRow.record(adviceRequestId, command.returnedDate(),
                                command.reason().name(), command.note(), actor.toString(), handled.events().get(0).occurredAt()))
                .map(this::asOfToday);
    }

    /** Records a Reg 8(2) exception; its dates go to {@code advice_exception}, in the same transaction. */
    public Uni<AdviceRequestAsOf> recordException(UUID adviceRequestId, Actor actor, RecordAdviceException command) {
        return aggregates.handle(AdviceRequest.TYPE, adviceRequestId, actor,
                        (state, ctx) -> AdviceDecider.decide(command, reached(actor, state), ctx),
                        (session, handled) -> AdviceExceptionRow.record(adviceRequestId, command.reason().trim(),
                                command.startDate(), command.endDate(), actor.toString(), handled.events().get(0).occurredAt()))
                .map(this::asOfToday);
    }

    /** Runs one command on a request in its own transaction (the follow-ups of AdviceFollowUps). */
    Uni<Void> handleAlone(UUID adviceRequestId, Actor actor, Decision<AdviceRequestState, AdviceEvent> decision) {
        return aggregates.handle(AdviceRequest.TYPE, adviceRequestId, actor, decision).replaceWithVoid();
    }

    /**
     * Opens a request in its own transaction, reading the case view and the directory first. Advice-service's
     * own follow-ups (the default set), which act for no council of their own: no scope check.
     */
    Uni<Void> requestAlone(Actor actor, RequestAdvice command) {
        return request(command.adviceRequestId(), actor, command, false).replaceWithVoid();
    }

    /**
     * Cancels an open request; the reason code and the note go to {@code advice_cancellation}, in the same
     * transaction (the note only there).
     */
    public Uni<AdviceRequestAsOf> cancel(UUID adviceRequestId, Actor actor, CancelAdviceRequest command) {
        return aggregates.handle(AdviceRequest.TYPE, adviceRequestId, actor,
                        (state, ctx) -> AdviceDecider.decide(command, reached(actor, state), ctx),
                        (session, handled) -> {
                            var cancelled = handled.events().get(0);
                            return AdviceCancellationRow.record(adviceRequestId, cancelled.businessDate(),
                                    command.reason().name(), command.note(), actor.toString(), cancelled.occurredAt());
                        })
                .map(this::asOfToday);
    }

    /** The caseworker's note on a request's cancellation, if one was written. */
    public Uni<Optional<String>> cancellationNote(UUID adviceRequestId) {
        return Transactions.inSession(session -> AdviceCancellationRow.noteOf(adviceRequestId));
    }

    /** The state, once the actor may reach it (checked before the decision, so before any append). */
    private static AdviceRequestState reached(Actor actor, AdviceRequestState state) {
        AdviceRequestReach.require(actor, state);
        return state;
    }

    private AdviceRequestAsOf asOfToday(Handled<AdviceRequestState, AdviceEvent> handled) {
        // every command that did not throw leaves a request (the deciders reject a missing one)
        return new AdviceRequestAsOf((AdviceRequestState.Request) handled.state(), LocalDate.now(clock));
    }
}
