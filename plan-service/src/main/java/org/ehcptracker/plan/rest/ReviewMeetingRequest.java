package org.ehcptracker.plan.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.kit.rest.NotBefore;
import org.ehcptracker.plan.domain.HoldReviewMeeting;
import org.ehcptracker.statutory.PhaseTransfer;

/** Body of {@code POST /api/plans/{planId}/reviews}. */
@Schema(name = "ReviewMeeting", description = "An annual review meeting held for a plan in force")
public record ReviewMeetingRequest(
        @Schema(description = "optional client-chosen id of the review: a retried POST with the same id gets 409"
                + " instead of a second review")
        UUID reviewId,
        @NotBefore(NotBefore.EHCP_REGIME) @NotNull
        @Schema(description = "the date of the meeting: not before the plan's issue, after the last meeting, not in"
                + " the future", example = "2026-06-30")
        LocalDate meetingDate,
        @Schema(description = "for the review before a move between phases (Reg 18): the move; with yearOfMove")
        PhaseTransfer phaseTransfer,
        @Min(2015) @Max(2100)
        @Schema(description = "the calendar year of the move: the amended plan naming the new setting is due 15 February"
                + " (31 March for SECONDARY_TO_POST_16) of it", example = "2027")
        Integer yearOfMove) {

    HoldReviewMeeting toCommand(UUID planId, UUID newReviewId) {
        return new HoldReviewMeeting(planId, reviewId != null ? reviewId : newReviewId, meetingDate, phaseTransfer,
                yearOfMove);
    }
}
