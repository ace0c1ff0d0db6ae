package org.ehcptracker.advice.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.kit.rest.NotBefore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.advice.domain.SubmitAdvice;
import org.ehcptracker.kit.domain.Actor;

/** Body of {@code POST /api/advice-requests/{id}/submission}. */
public record SubmissionBody(
        @NotBefore(NotBefore.EHCP_REGIME) @NotNull
        @Schema(description = "the day the advice reached the LA", example = "2025-05-20")
        LocalDate submittedDate,
        @Size(max = 20000) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.MULTI_LINE_MESSAGE)
        @Schema(description = "the advice or a summary of it; kept by advice-service only, never published")
        String summary) {

    /** What a replay must match: the same date and text (SHA-256, so the text itself is not kept twice). */
    SubmitAdvice toCommand(UUID adviceRequestId, Actor submittedBy) {
        return new SubmitAdvice(adviceRequestId, submittedDate, submittedBy, summary);
    }
}
