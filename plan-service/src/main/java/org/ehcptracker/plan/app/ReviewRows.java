package org.ehcptracker.plan.app;

import java.time.LocalDate;
import org.ehcptracker.contracts.plan.ReviewOutcome;
import org.ehcptracker.plan.domain.ReviewState;
import org.ehcptracker.plan.domain.ReviewView;
import org.ehcptracker.plan.persistence.AnnualReviewEntity;
import org.ehcptracker.statutory.PhaseTransfer;

/** An {@code annual_review} row as the review's state, so lists show exactly what the review's own view shows. */
final class ReviewRows {

    private ReviewRows() {
    }

    static ReviewView view(AnnualReviewEntity r, LocalDate today) {
        ReviewState.Held held = new ReviewState.Held(r.reviewId, r.planId, r.caseId, r.localAuthorityCode,
                r.meetingDate, r.decisionDue, r.phaseTransfer == null ? null : PhaseTransfer.valueOf(r.phaseTransfer),
                r.phaseTransferDeadline);
        ReviewState state = held;
        if (r.outcome != null) {
            ReviewState.Decided decided = new ReviewState.Decided(held, ReviewOutcome.valueOf(r.outcome), r.decidedDate,
                    r.amendedPlanDue);
            state = r.amendedIssuedDate == null ? decided
                    // the row keeps the setting named, not whether it was a URN or a type: enough for the lists
                    : new ReviewState.Amended(decided, r.amendedIssuedDate, r.amendedSetting, null);
        }
        return ReviewView.of(state, today);
    }
}
