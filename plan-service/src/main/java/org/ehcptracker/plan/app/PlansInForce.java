package org.ehcptracker.plan.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ehcptracker.contracts.plan.PlanEvent;
import org.ehcptracker.kit.app.EventSourcedAggregates;
import org.ehcptracker.kit.app.EventSourcedAggregates.AfterAppend;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.persistence.Transactions;
import org.ehcptracker.contracts.plan.PlanQualityAudited;
import org.ehcptracker.plan.domain.AuditPlanQuality;
import org.ehcptracker.plan.domain.CeasePlan;
import org.ehcptracker.plan.domain.RecordSenNeeds;
import org.ehcptracker.plan.domain.SenNeedsDecider;
import org.ehcptracker.plan.domain.SenNeedsView;
import org.ehcptracker.plan.domain.PlanDecider;
import org.ehcptracker.plan.domain.QualityAuditDecider;
import org.ehcptracker.plan.domain.QualityAuditView;
import org.ehcptracker.plan.domain.QualityAuditsView;
import org.ehcptracker.plan.domain.QualityCriteria;
import org.ehcptracker.plan.domain.DecideReview;
import org.ehcptracker.plan.domain.HoldReviewMeeting;
import org.ehcptracker.plan.domain.IssueAmendedPlan;
import org.ehcptracker.plan.domain.PlanInForce;
import org.ehcptracker.plan.domain.PlanInForceView;
import org.ehcptracker.plan.domain.PlanLife;
import org.ehcptracker.plan.domain.ReviewDecider;
import org.ehcptracker.plan.domain.ReviewState;
import org.ehcptracker.plan.domain.ReviewView;
import org.ehcptracker.plan.persistence.AnnualReviewEntity;
import org.ehcptracker.plan.persistence.PlanInForceEntity;
import org.ehcptracker.plan.persistence.PlanQualityAuditEntity;

/**
 * Plans in force (stream id = planId) and their annual reviews (stream id = reviewId). Every command reads the
 * plan's {@code plan_in_force} row in the transaction of the append; {@code PlanLifeProjection} updates it after
 * the append only if it is still as the command saw it, so of two concurrent commands on one plan and its reviews
 * (a meeting and a cessation, say) one is refused with 409.
 */
@ApplicationScoped
public class PlansInForce {

    private final EventSourcedAggregates aggregates;
    private final Clock clock;
    private final QualityCriteria defaultCriteria;
    private final Map<String, QualityCriteria> councilCriteria;

    public PlansInForce(EventSourcedAggregates aggregates, Clock clock, PlanQualityConfig quality) {
        this.aggregates = aggregates;
        this.clock = clock;
        // checked once, when the bean is built, rather than on every audit
        this.defaultCriteria = quality.toCriteria();
        this.councilCriteria = quality.councils().keySet().stream()
                .collect(Collectors.toUnmodifiableMap(la -> la, quality::toCriteria));
    }

    /** The criteria the plan's council audits against. */
    private QualityCriteria criteriaOf(Optional<PlanInForce> plan) {
        return plan.map(p -> councilCriteria.getOrDefault(p.localAuthorityCode(), defaultCriteria))
                .orElse(defaultCriteria);
    }

    /**
     * A quality audit, on the plan's own stream (so two audits at once, or an audit and a cessation, meet the event
     * store's version check: one is 409); the auditor's notes go to {@code plan_quality_audit} in the same transaction.
     */
    public Uni<QualityAuditView> audit(Actor actor, AuditPlanQuality c) {
        return aggregates.inTransaction(session -> PlanInForceEntity.forCommand(c.planId())
                .invoke(plan -> requireCouncil(actor, plan))
                .chain(plan -> aggregates.handle(session, PlanLife.TYPE, c.planId(), actor,
                        (s, ctx) -> QualityAuditDecider.decide(c, s, plan, criteriaOf(plan), ctx),
                        (s, handled) -> PlanQualityAuditEntity.recordNotes(s, handled.events().get(0).eventId(),
                                PlanDecider.requireText(c.notes(), "notes"))))
                .map(handled -> {
                    PlanQualityAudited e = (PlanQualityAudited) handled.events().get(0);
                    return new QualityAuditView(e.eventId(), e.planId(), e.businessDate(), e.occurredAt(), e.grade(),
                            e.score(), e.criteria(), PlanDecider.requireText(c.notes(), "notes"));
                }));
    }

    /** A plan's audits, oldest first; 404 for an unknown plan, 403 for another council's. */
    public Uni<QualityAuditsView> audits(UUID planId, Actor actor) {
        return Transactions.inSession(session -> PlanInForceEntity.<PlanInForceEntity>findById(planId)
                .chain(row -> {
                    if (row == null) {
                        return Uni.createFrom().failure(CommandRejected.notFound("no plan in force " + planId));
                    }
                    CouncilScope.require(actor, row.localAuthorityCode);
                    return PlanQualityAuditEntity.ofPlan(planId).map(rows -> {
                        List<QualityAuditView> audits = rows.stream().map(r -> new QualityAuditView(r.auditId,
                                r.planId, r.auditDate, r.recordedAt, org.ehcptracker.contracts.plan.QualityGrade
                                .valueOf(r.grade), r.score, r.criterionScores(), r.notes)).toList();
                        return new QualityAuditsView(planId, row.localAuthorityCode,
                                audits.isEmpty() ? null : audits.get(audits.size() - 1), audits);
                    });
                }));
    }

    public Uni<ReviewView> holdMeeting(Actor actor, HoldReviewMeeting c) {
        return aggregates.inTransaction(session -> PlanInForceEntity.forCommand(c.planId())
                .invoke(plan -> requireCouncil(actor, plan))
                .chain(plan -> aggregates.handle(session, ReviewState.TYPE, c.reviewId(), actor,
                        (s, ctx) -> ReviewDecider.decide(c, s, plan, ctx), AfterAppend.<ReviewState, PlanEvent>nothing())))
                .map(handled -> ReviewView.of(handled.state(), today()));
    }

    public Uni<ReviewView> decide(Actor actor, DecideReview c) {
        return onReview(c.reviewId(), actor, (s, plan, ctx) -> ReviewDecider.decide(c, s, plan, ctx));
    }

    public Uni<ReviewView> issueAmended(Actor actor, IssueAmendedPlan c) {
        return onReview(c.reviewId(), actor, (s, plan, ctx) -> ReviewDecider.decide(c, s, plan, ctx));
    }

    public Uni<PlanInForceView> cease(Actor actor, CeasePlan c) {
        return onPlan(c.planId(), actor, (s, plan, ctx) -> ReviewDecider.decide(c, s, plan, ctx))
                .chain(() -> get(c.planId(), actor));
    }

    /** A command on the plan's own stream: its row read (and its council checked) before deciding; the new state. */
    private Uni<PlanLife> onPlan(UUID planId, Actor actor, PlanDecision decision) {
        return aggregates.inTransaction(session -> PlanInForceEntity.forCommand(planId)
                        .invoke(plan -> requireCouncil(actor, plan))
                        .chain(plan -> aggregates.handle(session, PlanLife.TYPE, planId, actor,
                                (s, ctx) -> decision.decide(s, plan, ctx), AfterAppend.<PlanLife, PlanEvent>nothing())))
                .map(handled -> handled.state());
    }

    @FunctionalInterface
    private interface PlanDecision {
        List<PlanEvent> decide(PlanLife life, Optional<PlanInForce> plan, org.ehcptracker.kit.domain.DecisionContext ctx);
    }

    /**
     * The child's SEN needs on the plan, on the plan's own stream (so a concurrent recording or cessation meets the
     * event store's version check: one is 409). A repeat of the recording that holds appends nothing.
     */
    public Uni<SenNeedsView> recordNeeds(Actor actor, RecordSenNeeds c) {
        return onPlan(c.planId(), actor, (s, plan, ctx) -> SenNeedsDecider.decide(c, s, plan, ctx))
                .map(life -> SenNeedsView.of(life.needs()));
    }

    /** The review; 404 for none, 403 for an actor who does not act for its plan's council. */
    public Uni<ReviewView> review(UUID reviewId, Actor actor) {
        return aggregates.load(ReviewState.TYPE, reviewId)
                .onFailure(PlansInForce::notFound).transform(x -> noReview(reviewId))
                .map(state -> {
                    CouncilScope.require(actor, councilOf(state));
                    return ReviewView.of(state, today());
                });
    }

    /** The plan in force; 404 for none, 403 for an actor who does not act for its council. */
    public Uni<PlanInForceView> get(UUID planId, Actor actor) {
        LocalDate today = today();
        return Transactions.inSession(session -> PlanInForceEntity.<PlanInForceEntity>findById(planId)
                .chain(row -> {
                    if (row == null) {
                        return Uni.createFrom().failure(CommandRejected.notFound("no plan in force " + planId));
                    }
                    CouncilScope.require(actor, row.localAuthorityCode);
                    return AnnualReviewEntity.ofPlan(planId).map(reviews -> view(row, reviews, today));
                }));
    }

    /**
     * A plan in force, its reviews and its cessation belong to the council that issued the final plan
     * ({@code plan_in_force.local_authority_code}, the council whose worklists show them). An unknown plan is left
     * to the decider (404); it is checked before anything is decided, so another council's plan appends nothing.
     */
    private static void requireCouncil(Actor actor, Optional<PlanInForce> plan) {
        plan.ifPresent(p -> CouncilScope.require(actor, p.localAuthorityCode()));
    }

    /** The council a review's events name: its plan's, at the meeting. */
    static String councilOf(ReviewState state) {
        if (state instanceof ReviewState.Held h) {
            return h.localAuthorityCode();
        }
        if (state instanceof ReviewState.Decided d) {
            return d.held().localAuthorityCode();
        }
        if (state instanceof ReviewState.Amended a) {
            return a.decided().held().localAuthorityCode();
        }
        return null;
    }

    /** A command on a held review: the review's row names its plan, whose row is locked before deciding. */
    @FunctionalInterface
    private interface ReviewDecision {
        List<PlanEvent> decide(ReviewState review, Optional<PlanInForce> plan,
                               org.ehcptracker.kit.domain.DecisionContext ctx);
    }

    private Uni<ReviewView> onReview(UUID reviewId, Actor actor, ReviewDecision decision) {
        return aggregates.inTransaction(session -> AnnualReviewEntity.<AnnualReviewEntity>findById(reviewId)
                        .chain(row -> {
                            if (row == null) {
                                return Uni.createFrom().failure(noReview(reviewId));
                            }
                            return PlanInForceEntity.forCommand(row.planId)
                                    .invoke(plan -> CouncilScope.require(actor, plan.map(PlanInForce::localAuthorityCode)
                                            .orElse(row.localAuthorityCode)))
                                    .chain(plan -> aggregates.handle(session, ReviewState.TYPE, reviewId, actor,
                                            (s, ctx) -> decision.decide(s, plan, ctx),
                                            AfterAppend.<ReviewState, PlanEvent>nothing()));
                        }))
                .map(handled -> ReviewView.of(handled.state(), today()));
    }

    private static PlanInForceView view(PlanInForceEntity row, List<AnnualReviewEntity> reviews, LocalDate today) {
        List<ReviewView> reviewViews = reviews.stream().map(r -> ReviewRows.view(r, today)).toList();
        boolean inForce = row.ceasedDate == null;
        return new PlanInForceView(row.planId, row.caseId, row.localAuthorityCode, inForce ? "IN_FORCE" : "CEASED",
                row.issuedDate, row.adviceOutstandingAtIssue, row.lastReviewMeeting, row.reviewDue,
                inForce && today.isAfter(row.reviewDue), row.openReviewId, row.ceasedDate, row.ceaseReason,
                reviewViews);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static boolean notFound(Throwable failure) {
        return failure instanceof CommandRejected r && r.kind() == CommandRejected.Kind.NOT_FOUND;
    }

    private static CommandRejected noReview(UUID reviewId) {
        return CommandRejected.notFound("no annual review " + reviewId + ": no meeting was recorded for it");
    }
}
