package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.plan.AmendedPlanIssued;
import org.ehcptracker.contracts.plan.AnnualReviewDecided;
import org.ehcptracker.contracts.plan.AnnualReviewMeetingHeld;
import org.ehcptracker.contracts.plan.PlanEvent;
import org.ehcptracker.contracts.plan.ReviewOutcome;
import org.ehcptracker.kit.domain.AggregateType;
import org.ehcptracker.statutory.PhaseTransfer;

/**
 * One annual review of a plan, a stream of its own (id = reviewId): the meeting held, the LA's decision, and
 * for a decision to amend, the amended plan. A plan has one review per meeting for its whole life.
 */
public sealed interface ReviewState permits ReviewState.NoReview, ReviewState.Held, ReviewState.Decided,
        ReviewState.Amended {

    NoReview NONE = new NoReview();

    AggregateType<ReviewState, PlanEvent> TYPE = new AggregateType<>("annual review", PlanEvent.class, NONE,
            ReviewState::evolve);

    ReviewState evolve(PlanEvent event);

    record NoReview() implements ReviewState {

        @Override
        public ReviewState evolve(PlanEvent event) {
            if (event instanceof AnnualReviewMeetingHeld m) {
                return new Held(m.reviewId(), m.planId(), m.caseId(), m.localAuthorityCode(), m.businessDate(),
                        m.reviewDecisionDue(), m.phaseTransfer() == null ? null : PhaseTransfer.valueOf(m.phaseTransfer()),
                        m.phaseTransferDeadline());
            }
            throw cannotApply(event, "before the review meeting");
        }
    }

    /**
     * The meeting was held; the decision is due 4 weeks later.
     *
     * @param phaseTransfer         the move between phases this review prepares, or null
     * @param phaseTransferDeadline the amended plan naming the new setting is due by it (Reg 18), or null
     */
    record Held(UUID reviewId, UUID planId, UUID caseId, String localAuthorityCode, LocalDate meetingDate,
                LocalDate decisionDue, PhaseTransfer phaseTransfer, LocalDate phaseTransferDeadline)
            implements ReviewState {

        public Held(UUID reviewId, UUID planId, UUID caseId, String localAuthorityCode, LocalDate meetingDate,
                    LocalDate decisionDue) {
            this(reviewId, planId, caseId, localAuthorityCode, meetingDate, decisionDue, null, null);
        }


        public Held {
            Objects.requireNonNull(reviewId, "reviewId");
            Objects.requireNonNull(planId, "planId");
            Objects.requireNonNull(meetingDate, "meetingDate");
            Objects.requireNonNull(decisionDue, "decisionDue");
        }

        @Override
        public ReviewState evolve(PlanEvent event) {
            if (event instanceof AnnualReviewDecided d) {
                return new Decided(this, d.outcome(), d.businessDate(), d.amendedPlanDue());
            }
            throw cannotApply(event, "after the meeting of review " + reviewId);
        }
    }

    /**
     * The LA decided.
     *
     * @param amendedPlanDue for AMEND: 8 weeks from the decision, 12 weeks from the meeting at most; else null
     */
    record Decided(Held held, ReviewOutcome outcome, LocalDate decidedDate, LocalDate amendedPlanDue)
            implements ReviewState {

        public Decided {
            Objects.requireNonNull(held, "held");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(decidedDate, "decidedDate");
        }

        @Override
        public ReviewState evolve(PlanEvent event) {
            if (event instanceof AmendedPlanIssued a && outcome == ReviewOutcome.AMEND) {
                return new Amended(this, a.businessDate(), a.namedSettingUrn(), a.settingType());
            }
            throw cannotApply(event, "after the decision of review " + held.reviewId());
        }
    }

    /** The amended plan was issued: the review is finished. */
    record Amended(Decided decided, LocalDate amendedIssuedDate, String namedSettingUrn, String settingType)
            implements ReviewState {

        public Amended {
            Objects.requireNonNull(decided, "decided");
            Objects.requireNonNull(amendedIssuedDate, "amendedIssuedDate");
        }

        @Override
        public ReviewState evolve(PlanEvent event) {
            throw cannotApply(event, "after the amended plan of review " + decided.held().reviewId());
        }
    }

    private static IllegalStateException cannotApply(PlanEvent event, String when) {
        return new IllegalStateException("cannot apply " + event.getClass().getSimpleName() + " " + event.eventId()
                + " " + when);
    }
}
