package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.statutory.PhaseTransfer;

/**
 * Record an annual review meeting of a plan: the review's stream starts (reviewId chosen by the caller or new).
 *
 * @param phaseTransfer for the review before a move between phases (Reg 18), the move; else null
 * @param yearOfMove    with phaseTransfer: the calendar year of the move (the amended plan is due 15 February or
 *                      31 March of it)
 */
public record HoldReviewMeeting(UUID planId, UUID reviewId, LocalDate meetingDate, PhaseTransfer phaseTransfer,
                                Integer yearOfMove) {

    public HoldReviewMeeting(UUID planId, UUID reviewId, LocalDate meetingDate) {
        this(planId, reviewId, meetingDate, null, null);
    }

    public HoldReviewMeeting {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(reviewId, "reviewId");
    }
}
