package org.ehcptracker.advice.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.kit.rest.NotBefore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.advice.domain.CancelAdviceRequest;

/** Body of {@code POST /api/advice-requests/{id}/cancellation}. */
public record CancellationBody(
        @NotBlank @Size(max = 500) @Pattern(regexp = TextRules.ONE_LINE, message = TextRules.ONE_LINE_MESSAGE)
        @Schema(description = "short reason, no personal details", example = "Existing advice reused with agreement (Reg 6(4))")
        String reason,
        @NotBefore(NotBefore.EHCP_REGIME) @Schema(description = "the day of the cancellation; today when absent", example = "2025-04-14")
        LocalDate cancelledDate) {

    CancelAdviceRequest toCommand(UUID adviceRequestId) {
        return new CancelAdviceRequest(adviceRequestId, reason, cancelledDate);
    }
}
