package org.ehcptracker.advice.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.advice.domain.CancelAdviceRequest;
import org.ehcptracker.contracts.advice.AdviceCancellationReason;
import org.ehcptracker.kit.rest.NotBefore;

/** Body of {@code POST /api/advice-requests/{id}/cancellation}. */
public record CancellationBody(
        @NotNull @Schema(description = "why (a code; published). The CASE_* codes are advice-service's own, refused here",
                example = "EXISTING_ADVICE_REUSED")
        AdviceCancellationReason reason,
        @Size(max = 2000) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.MULTI_LINE_MESSAGE)
        @Schema(description = "the caseworker's own words; kept by advice-service only, shown to council staff, never published",
                example = "EP advice of March 2025 reused with the family's agreement")
        String note,
        @NotBefore(NotBefore.EHCP_REGIME) @Schema(description = "the day of the cancellation; today when absent", example = "2025-04-14")
        LocalDate cancelledDate) {

    CancelAdviceRequest toCommand(UUID adviceRequestId) {
        return new CancelAdviceRequest(adviceRequestId, reason, note == null || note.isBlank() ? null : note, cancelledDate);
    }
}
