package org.ehcptracker.plan.rest;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.kit.rest.NotBefore;
import org.ehcptracker.plan.domain.HoldReviewMeeting;

/** Body of {@code POST /api/plans/{planId}/reviews}. */
@Schema(name = "ReviewMeeting", description = "An annual review meeting held for a plan in force")
public record ReviewMeetingRequest(
        @Schema(description = "optional client-chosen id of the review: a retried POST with the same id gets 409"
                + " instead of a second review")
        UUID reviewId,
        @NotBefore(NotBefore.EHCP_REGIME) @NotNull
        @Schema(description = "the date of the meeting: not before the plan's issue, after the last meeting, not in"
                + " the future", example = "2026-06-30")
        LocalDate meetingDate) {

    HoldReviewMeeting toCommand(UUID planId, UUID newReviewId) {
        return new HoldReviewMeeting(planId, reviewId != null ? reviewId : newReviewId, meetingDate);
    }
}
