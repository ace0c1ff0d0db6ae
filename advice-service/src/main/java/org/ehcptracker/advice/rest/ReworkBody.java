package org.ehcptracker.advice.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.advice.domain.ReturnForRework;
import org.ehcptracker.contracts.advice.AdviceReworkReason;
import org.ehcptracker.kit.rest.NotBefore;

/** Body of {@code POST /api/advice-requests/{id}/rework}. */
public record ReworkBody(
        @NotNull @Schema(description = "why (a code; published)", example = "PROVISION_NOT_QUANTIFIED")
        AdviceReworkReason reason,
        @NotBefore(NotBefore.EHCP_REGIME) @NotNull
        @Schema(description = "the day the LA returned the advice", example = "2025-05-22")
        LocalDate returnedDate,
        @Size(max = 2000) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.MULTI_LINE_MESSAGE)
        @Schema(description = "what the agency should change; kept by advice-service only, never published")
        String note) {

    ReturnForRework toCommand(UUID adviceRequestId) {
        return new ReturnForRework(adviceRequestId, returnedDate, reason, note == null || note.isBlank() ? null : note);
    }
}
