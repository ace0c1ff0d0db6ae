package org.ehcptracker.advice.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.advice.domain.AdviceDecider;
import org.ehcptracker.advice.domain.AdviceRequest;
import org.ehcptracker.advice.domain.AdviceRequestState;
import org.ehcptracker.advice.domain.CancelAdviceRequest;
import org.ehcptracker.advice.domain.RequestAdvice;
import org.ehcptracker.advice.domain.SubmitAdvice;
import org.ehcptracker.advice.persistence.AdviceSubmissionRow;
import org.ehcptracker.advice.persistence.AssessmentCaseRow;
import org.ehcptracker.contracts.advice.AdviceEvent;
import org.ehcptracker.kit.app.EventSourcedAggregates;
import org.ehcptracker.kit.app.EventSourcedAggregates.AfterAppend;
import org.ehcptracker.kit.app.Handled;
import org.ehcptracker.kit.domain.Actor;

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
     * of the case is read in the command's own transaction, so the decision sees the case as of then.
     */
    public Uni<AdviceRequestAsOf> request(UUID adviceRequestId, Actor actor, RequestAdvice command) {
        return aggregates.inTransaction(session -> AssessmentCaseRow.seen(command.caseId())
                        .chain(seenCase -> aggregates.handle(session, AdviceRequest.TYPE, adviceRequestId, actor,
                                (state, ctx) -> AdviceDecider.decide(command, state, seenCase, ctx), AfterAppend.nothing())))
                .map(this::asOfToday);
    }

    /** Records the agency's advice; its text goes to {@code advice_submission} only, in the same transaction. */
    public Uni<AdviceRequestAsOf> submit(UUID adviceRequestId, Actor actor, SubmitAdvice command) {
        return aggregates.handle(AdviceRequest.TYPE, adviceRequestId, actor,
                        (state, ctx) -> AdviceDecider.decide(command, state, ctx),
                        (session, handled) -> AdviceSubmissionRow.record(adviceRequestId, actor.toString(),
                                command.summary(), handled.events().get(0).occurredAt()))
                .map(this::asOfToday);
    }

    public Uni<AdviceRequestAsOf> cancel(UUID adviceRequestId, Actor actor, CancelAdviceRequest command) {
        return aggregates.handle(AdviceRequest.TYPE, adviceRequestId, actor,
                        (state, ctx) -> AdviceDecider.decide(command, state, ctx))
                .map(this::asOfToday);
    }

    private AdviceRequestAsOf asOfToday(Handled<AdviceRequestState, AdviceEvent> handled) {
        // every command that did not throw leaves a request (the deciders reject a missing one)
        return new AdviceRequestAsOf((AdviceRequestState.Request) handled.state(), LocalDate.now(clock));
    }
}
