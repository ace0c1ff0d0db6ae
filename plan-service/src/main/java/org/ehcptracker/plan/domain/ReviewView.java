package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.contracts.plan.ReviewOutcome;

/**
 * What the API shows of one annual review.
 *
 * @param decisionDue       meeting + 4 weeks (Reg 20(10))
 * @param decisionLate      decided after decisionDue, or undecided and today is after it
 * @param amendmentCommentsEnd for AMEND: the last of the family's 15 days on the proposed amendments
 * @param amendedPlanDue    for AMEND: 8 weeks after the decision, 12 weeks after the meeting at most
 * @param amendmentLate     for AMEND: issued after amendedPlanDue, or not issued and today is after it; else null
 */
public record ReviewView(UUID reviewId, UUID planId, UUID caseId, String status, LocalDate meetingDate,
                         LocalDate decisionDue, ReviewOutcome outcome, LocalDate decidedDate, boolean decisionLate,
                         LocalDate amendmentCommentsEnd, LocalDate amendedPlanDue, LocalDate amendedIssuedDate,
                         String namedSettingUrn, String settingType, Boolean amendmentLate) {

    /** The view of a held review as of {@code today}; null for a review never held. */
    public static ReviewView of(ReviewState review, LocalDate today) {
        if (review instanceof ReviewState.Held h) {
            return new ReviewView(h.reviewId(), h.planId(), h.caseId(), "AWAITING_DECISION", h.meetingDate(),
                    h.decisionDue(), null, null, today.isAfter(h.decisionDue()), null, null, null, null, null, null);
        }
        if (review instanceof ReviewState.Decided d) {
            return decided(d, null, null, null, today);
        }
        if (review instanceof ReviewState.Amended a) {
            return decided(a.decided(), a.amendedIssuedDate(), a.namedSettingUrn(), a.settingType(), today);
        }
        return null;
    }

    private static ReviewView decided(ReviewState.Decided d, LocalDate amended, String urn, String type,
                                      LocalDate today) {
        ReviewState.Held h = d.held();
        boolean amend = d.outcome() == ReviewOutcome.AMEND;
        String status = !amend ? "DECIDED" : amended == null ? "AWAITING_AMENDED_PLAN" : "AMENDED";
        Boolean amendmentLate = !amend ? null
                : amended != null ? amended.isAfter(d.amendedPlanDue()) : today.isAfter(d.amendedPlanDue());
        return new ReviewView(h.reviewId(), h.planId(), h.caseId(), status, h.meetingDate(), h.decisionDue(),
                d.outcome(), d.decidedDate(), d.decidedDate().isAfter(h.decisionDue()),
                amend ? ReviewDecider.amendmentCommentsEnd(d.decidedDate()) : null, d.amendedPlanDue(), amended, urn,
                type, amendmentLate);
    }
}
