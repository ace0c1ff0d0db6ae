package org.ehcptracker.plan.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.plan.AmendedPlanIssued;
import org.ehcptracker.contracts.plan.AnnualReviewDecided;
import org.ehcptracker.contracts.plan.AnnualReviewMeetingHeld;
import org.ehcptracker.contracts.plan.PlanCeased;
import org.ehcptracker.contracts.plan.PlanQualityAudited;
import org.ehcptracker.contracts.plan.ReviewOutcome;
import org.ehcptracker.kit.app.InlineProjection;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.statutory.StatutoryClock;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Keeps {@code plan_in_force}, {@code annual_review} and {@code plan_quality_audit} in step with the review and cessation events inside the
 * transaction that appends them, so the lists caseworkers query are never behind the event store. The plan's row
 * itself is written with its final plan ({@code Plans.issueFinal}).
 *
 * <p>Each change to the plan's row is an update guarded by what the command decided on (not ceased; no other
 * review open; this review the open one). The reviews and the plan are different streams, so the event store's
 * version check cannot see a meeting racing a cessation; the guard can: under PostgreSQL's read committed an update
 * waits for a concurrent one on the same row and then re-checks its condition, so the later command updates no row
 * and is refused with 409, rolling back its events.
 */
@ApplicationScoped
public class PlanLifeProjection implements InlineProjection {

    @Override
    public String name() {
        return "plan-life";
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, List<? extends IntegrationEvent> events) {
        return InlineProjection.oneAfterAnother(events, event -> applyOne(session, event));
    }

    private Uni<Void> applyOne(Mutiny.Session session, IntegrationEvent event) {
        if (event instanceof AnnualReviewMeetingHeld m) {
            return guarded(session, m.planId(), """
                    update plan_in_force set last_review_meeting = ?1, review_due = ?2, open_review_id = ?3
                    where plan_id = ?4 and ceased_date is null and open_review_id is null""",
                    m.businessDate(), StatutoryClock.annualReviewDue(m.businessDate()), m.reviewId(), m.planId())
                    .chain(() -> {
                        AnnualReviewEntity review = new AnnualReviewEntity();
                        review.reviewId = m.reviewId();
                        review.planId = m.planId();
                        review.caseId = m.caseId();
                        review.localAuthorityCode = m.localAuthorityCode();
                        review.meetingDate = m.businessDate();
                        review.decisionDue = m.reviewDecisionDue();
                        review.phaseTransfer = m.phaseTransfer();
                        review.phaseTransferDeadline = m.phaseTransferDeadline();
                        return session.persist(review);
                    });
        }
        if (event instanceof AnnualReviewDecided d) {
            // AMEND keeps the review open until the amended plan; KEEP and CEASE close it
            String closes = d.outcome() == ReviewOutcome.AMEND ? "open_review_id" : "null";
            return guarded(session, d.planId(), "update plan_in_force set open_review_id = " + closes
                    + " where plan_id = ?1 and open_review_id = ?2 and ceased_date is null", d.planId(), d.reviewId())
                    .chain(() -> review(session, d.reviewId())).invoke(review -> {
                        review.outcome = d.outcome().name();
                        review.decidedDate = d.businessDate();
                        review.amendedPlanDue = d.amendedPlanDue();
                    }).replaceWithVoid();
        }
        if (event instanceof AmendedPlanIssued a) {
            return guarded(session, a.planId(), "update plan_in_force set open_review_id = null"
                    + " where plan_id = ?1 and open_review_id = ?2 and ceased_date is null", a.planId(), a.reviewId())
                    .chain(() -> review(session, a.reviewId()))
                    .invoke(review -> {
                        review.amendedIssuedDate = a.businessDate();
                        review.amendedSetting = a.namedSettingUrn() != null ? a.namedSettingUrn() : a.settingType();
                    }).replaceWithVoid();
        }
        if (event instanceof PlanCeased c) {
            return guarded(session, c.planId(), "update plan_in_force set ceased_date = ?1, cease_reason = ?2,"
                    + " open_review_id = null where plan_id = ?3 and ceased_date is null",
                    c.businessDate(), c.reason().name(), c.planId());
        }
        if (event instanceof PlanQualityAudited q) {
            // on the plan's own stream, so two audits (or an audit and a cessation) at once meet the event store's
            // version check: no guard needed
            return session.persist(PlanQualityAuditEntity.of(q));
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> guarded(Mutiny.Session session, UUID planId, String sql, Object... params) {
        Mutiny.MutationQuery query = session.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.executeUpdate().invoke(updated -> {
            if (updated != 1) {
                throw CommandRejected.conflict("plan " + planId + " was changed by another request at the same time"
                        + " (a review or its cessation); reload it and try again");
            }
        }).replaceWithVoid();
    }

    private static Uni<AnnualReviewEntity> review(Mutiny.Session session, UUID reviewId) {
        return session.find(AnnualReviewEntity.class, reviewId).invoke(row -> {
            if (row == null) {
                throw new IllegalStateException("no annual_review row for review " + reviewId);
            }
        });
    }
}
