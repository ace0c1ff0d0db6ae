package org.ehcptracker.plan.rest;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.contracts.plan.ReviewOutcome;
import org.ehcptracker.kit.rest.NotBefore;
import org.ehcptracker.plan.domain.DecideReview;

/** Body of {@code POST /api/reviews/{reviewId}/decision}. */
@Schema(name = "ReviewDecision", description = "The LA's decision after the review meeting (due within 4 weeks)")
public record ReviewDecisionRequest(
        @NotBefore(NotBefore.EHCP_REGIME) @NotNull
        @Schema(description = "not before the meeting, not in the future; for AMEND, the date the amendments were"
                + " proposed to the family", example = "2026-07-21")
        LocalDate decidedDate,
        @NotNull @Schema(description = "KEEP, AMEND or CEASE") ReviewOutcome outcome) {

    DecideReview toCommand(UUID reviewId) {
        return new DecideReview(reviewId, decidedDate, outcome);
    }
}
