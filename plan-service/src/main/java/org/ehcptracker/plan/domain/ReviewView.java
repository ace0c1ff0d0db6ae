package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.contracts.plan.ReviewOutcome;
import org.ehcptracker.statutory.PhaseTransfer;

/**
 * What the API shows of one annual review.
 *
 * @param decisionDue       meeting + 4 weeks (Reg 20(10))
 * @param decisionLate      decided after decisionDue, or undecided and today is after it
 * @param amendmentCommentsEnd for AMEND: the last of the family's 15 days on the proposed amendments
 * @param amendedPlanDue    for AMEND: 8 weeks after the decision, 12 weeks after the meeting at most
 * @param amendmentLate     for AMEND: issued after amendedPlanDue, or not issued and today is after it; else null
 * @param phaseTransfer     the move between phases this review prepares (Reg 18), or null
 * @param phaseTransferDeadline 15 February (31 March for secondary to post-16) of the year of the move, or null
 * @param phaseTransferStatus DONE: amended naming a setting by the deadline; LATE: amended after it, or not amended
 *                          and today is after it; DUE otherwise; null without a phase transfer
 */
public record ReviewView(UUID reviewId, UUID planId, UUID caseId, String status, LocalDate meetingDate,
                         LocalDate decisionDue, ReviewOutcome outcome, LocalDate decidedDate, boolean decisionLate,
                         LocalDate amendmentCommentsEnd, LocalDate amendedPlanDue, LocalDate amendedIssuedDate,
                         String namedSettingUrn, String settingType, Boolean amendmentLate,
                         PhaseTransfer phaseTransfer, LocalDate phaseTransferDeadline, String phaseTransferStatus) {

    /** The view of a held review as of {@code today}; null for a review never held. */
    public static ReviewView of(ReviewState review, LocalDate today) {
        if (review instanceof ReviewState.Held h) {
            return new ReviewView(h.reviewId(), h.planId(), h.caseId(), "AWAITING_DECISION", h.meetingDate(),
                    h.decisionDue(), null, null, today.isAfter(h.decisionDue()), null, null, null, null, null, null,
                    h.phaseTransfer(), h.phaseTransferDeadline(), transferStatus(h, null, false, today));
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
                type, amendmentLate, h.phaseTransfer(), h.phaseTransferDeadline(),
                transferStatus(h, amended, urn != null || type != null, today));
    }

    /** Reg 18: the amended plan must name the new setting (or type) by the deadline. */
    static String transferStatus(ReviewState.Held h, LocalDate amended, boolean namesSetting, LocalDate today) {
        if (h.phaseTransfer() == null) {
            return null;
        }
        if (amended != null && namesSetting) {
            return amended.isAfter(h.phaseTransferDeadline()) ? "LATE" : "DONE";
        }
        return today.isAfter(h.phaseTransferDeadline()) ? "LATE" : "DUE";
    }
}
