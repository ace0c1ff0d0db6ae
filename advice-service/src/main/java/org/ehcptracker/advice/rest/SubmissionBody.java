package org.ehcptracker.advice.rest;

import jakarta.validation.constraints.NotNull;
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
        @Size(max = 20000)
        @Schema(description = "the advice or a summary of it; kept by advice-service only, never published")
        String summary) {

    SubmitAdvice toCommand(UUID adviceRequestId, Actor submittedBy) {
        return new SubmitAdvice(adviceRequestId, submittedDate, submittedBy, summary);
    }
}
