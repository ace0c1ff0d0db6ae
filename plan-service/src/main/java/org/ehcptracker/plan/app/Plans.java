package org.ehcptracker.plan.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.contracts.plan.PlanEvent;
import org.ehcptracker.kit.app.EventSourcedAggregates;
import org.ehcptracker.kit.app.EventSourcedAggregates.AfterAppend;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.domain.DecisionContext;
import org.ehcptracker.kit.persistence.Transactions;
import org.ehcptracker.contracts.plan.FinalPlanIssued;
import org.ehcptracker.contracts.plan.ParentResponseReceived;
import org.ehcptracker.plan.domain.AssessmentCase;
import org.ehcptracker.plan.domain.ConsultSetting;
import org.ehcptracker.plan.domain.RecordConsultationAnswer;
import org.ehcptracker.plan.domain.RecordParentResponse;
import org.ehcptracker.plan.domain.IssueDraftPlan;
import org.ehcptracker.plan.domain.IssueFinalPlan;
import org.ehcptracker.plan.domain.PlanDecider;
import org.ehcptracker.plan.domain.PlanState;
import org.ehcptracker.plan.domain.PlanView;
import org.ehcptracker.plan.persistence.AssessmentCaseView;
import org.ehcptracker.plan.persistence.CaseAdviceView;
import org.ehcptracker.plan.persistence.ParentResponseEntity;
import org.ehcptracker.plan.persistence.PlanInForceEntity;

/**
 * The EHC plans of cases (stream id = caseId: the making of each of the case's plans in turn). Each command reads the case from the local view in the
 * same transaction as the append, so the decision and the row it was made on are one snapshot.
 */
@ApplicationScoped
public class Plans {

    private final EventSourcedAggregates aggregates;
    private final Clock clock;

    public Plans(EventSourcedAggregates aggregates, Clock clock) {
        this.aggregates = aggregates;
        this.clock = clock;
    }

    /**
     * The case's first draft, or a new plan's once the last one ceased: the cessation is read from
     * {@code plan_in_force} (kept from the plan's own stream) in the same transaction.
     */
    public Uni<PlanView> issueDraft(UUID caseId, Actor actor, IssueDraftPlan c) {
        return handle(caseId, actor, (s, known, cessations, ctx) -> PlanDecider.decide(c, s, known,
                s instanceof PlanState.FinalIssued f
                        ? Optional.ofNullable(cessations.get(f.planId())).map(PlanView.Cessation::ceasedDate)
                        : Optional.empty(), ctx));
    }

    /**
     * The final plan; the plan-in-force row is written in the same transaction, with the flag "advice
     * still outstanding" as the advice view stands at that moment (allowed, but flagged).
     */
    public Uni<PlanView> issueFinal(UUID caseId, Actor actor, IssueFinalPlan c) {
        return handle(caseId, actor, (s, known, ctx) -> PlanDecider.decide(c, s, known, ctx),
                (session, handled) -> {
                    FinalPlanIssued issued = (FinalPlanIssued) handled.events().get(0);
                    return CaseAdviceView.summary(caseId, issued.businessDate())
                            .chain(advice -> PlanInForceEntity.issued(issued.planId(), caseId,
                                    issued.localAuthorityCode(), issued.businessDate(),
                                    advice.submitted() < advice.requested()));
                });
    }

    /** The family's response to the draft; their comments go to plan-service's own table in the same transaction. */
    public Uni<PlanView> recordParentResponse(UUID caseId, Actor actor, RecordParentResponse c) {
        return handle(caseId, actor, (s, known, ctx) -> PlanDecider.decide(c, s, known, ctx),
                (session, handled) -> {
                    ParentResponseReceived r = (ParentResponseReceived) handled.events().get(0);
                    return ParentResponseEntity.record(caseId, r.planId(), r.businessDate(),
                            PlanDecider.requireText(c.comments(), "comments"));
                });
    }

    public Uni<PlanView> consult(UUID caseId, Actor actor, ConsultSetting c) {
        return handle(caseId, actor, (s, known, ctx) -> PlanDecider.decide(c, s, known, ctx));
    }

    public Uni<PlanView> recordConsultationAnswer(UUID caseId, Actor actor, RecordConsultationAnswer c) {
        return handle(caseId, actor, (s, known, ctx) -> PlanDecider.decide(c, s, known, ctx));
    }

    /** The case's plan; 404 before a draft is issued, 403 for an actor who does not act for the case's council. */
    public Uni<PlanView> get(UUID caseId, Actor actor) {
        // an empty stream is a case with no draft yet: say so in the plan's words
        return Transactions.inSession(session -> aggregates.load(PlanState.TYPE, caseId)
                .onFailure(Plans::notFound).transform(noStream -> noPlan(caseId))
                .chain(plan -> AssessmentCaseView.known(caseId).chain(known -> {
                    CouncilScope.require(actor, councilOf(plan, known));
                    return PlanInForceEntity.cessationsOfCase(caseId)
                            .chain(cessations -> view(caseId, plan, known, cessations));
                })));
    }

    /**
     * The council a plan command or read is scoped by: the case view's (the LA now responsible, so after a transfer
     * in the receiving council), else the council the plan's draft was issued by; null when plan-service knows
     * neither (no draft, case unknown: the decider refuses that on its own, with nothing to leak).
     */
    static String councilOf(PlanState plan, Optional<AssessmentCase> known) {
        if (known.isPresent()) {
            return known.get().localAuthorityCode();
        }
        if (plan instanceof PlanState.DraftIssued d) {
            return d.localAuthorityCode();
        }
        if (plan instanceof PlanState.FinalIssued f) {
            return f.draft().localAuthorityCode();
        }
        return null;
    }

    /**
     * A plan command's decision: the plan, the case as the local view knows it, how the case's earlier plans
     * ceased (by planId), the context.
     */
    @FunctionalInterface
    private interface DecisionOnCase {
        List<PlanEvent> decide(PlanState plan, Optional<AssessmentCase> known, Map<UUID, PlanView.Cessation> cessations,
                               DecisionContext ctx);
    }

    /** A decision that needs only the plan and the case. */
    @FunctionalInterface
    private interface Decision {
        List<PlanEvent> decide(PlanState plan, Optional<AssessmentCase> known, DecisionContext ctx);
    }

    private Uni<PlanView> handle(UUID caseId, Actor actor, Decision decision) {
        return handle(caseId, actor, decision, AfterAppend.nothing());
    }

    private Uni<PlanView> handle(UUID caseId, Actor actor, Decision decision, AfterAppend<PlanState, PlanEvent> after) {
        return handle(caseId, actor, (s, known, cessations, ctx) -> decision.decide(s, known, ctx), after);
    }

    private Uni<PlanView> handle(UUID caseId, Actor actor, DecisionOnCase decision) {
        return handle(caseId, actor, decision, AfterAppend.nothing());
    }

    private Uni<PlanView> handle(UUID caseId, Actor actor, DecisionOnCase decision,
                                 AfterAppend<PlanState, PlanEvent> after) {
        // The council is checked before deciding, so another council's case appends nothing: on the case view when
        // it knows the case (before the command is handled, so a refusal is not counted as a failed command), else on
        // the plan's state as loaded. Neither known: the decider refuses on its own, with nothing to leak.
        return aggregates.inTransaction(session -> AssessmentCaseView.known(caseId)
                .invoke(known -> known.ifPresent(c -> CouncilScope.require(actor, c.localAuthorityCode())))
                .chain(known -> PlanInForceEntity.cessationsOfCase(caseId).chain(cessations -> aggregates.handle(
                                session, PlanState.TYPE, caseId, actor,
                                (s, ctx) -> {
                                    String council = councilOf(s, known);
                                    if (council != null) {
                                        CouncilScope.require(actor, council);
                                    }
                                    return decision.decide(s, known, cessations, ctx);
                                }, after)
                        .chain(handled -> view(caseId, handled.state(), known, cessations)))));
    }

    private Uni<PlanView> view(UUID caseId, PlanState plan, Optional<AssessmentCase> known,
                               Map<UUID, PlanView.Cessation> cessations) {
        LocalDate today = LocalDate.now(clock);
        UUID current = plan instanceof PlanState.DraftIssued d ? d.planId()
                : plan instanceof PlanState.FinalIssued f ? f.planId() : null;
        UUID finalPlanId = plan instanceof PlanState.FinalIssued f ? f.planId() : null;
        return CaseAdviceView.summary(caseId, today)
                .chain(advice -> (current == null ? Uni.createFrom().<String>nullItem()
                        : ParentResponseEntity.comments(current))
                        .chain(comments -> (finalPlanId == null ? Uni.createFrom().<Boolean>nullItem()
                                : PlanInForceEntity.adviceOutstandingAtIssue(finalPlanId))
                                .chain(flag -> AssessmentCaseView.history(caseId)
                                        .map(history -> PlanView.of(plan, known, advice, today, comments, flag,
                                                cessations, history).orElseThrow(() -> noPlan(caseId))))));
    }

    private static boolean notFound(Throwable failure) {
        return failure instanceof CommandRejected r && r.kind() == CommandRejected.Kind.NOT_FOUND;
    }

    private static CommandRejected noPlan(UUID caseId) {
        return CommandRejected.notFound("case " + caseId + " has no plan: no draft plan has been issued");
    }
}
