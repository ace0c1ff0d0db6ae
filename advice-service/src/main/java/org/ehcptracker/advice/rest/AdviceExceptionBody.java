package org.ehcptracker.advice.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.advice.domain.RecordAdviceException;
import org.ehcptracker.kit.rest.NotBefore;

/**
 * Body of {@code POST /api/advice-requests/{id}/exceptions}. The reason is read as text so that a
 * school closure can be refused with the reason (422) rather than as an unknown value.
 */
public record AdviceExceptionBody(
        @NotBlank @Schema(description = "EXCEPTIONAL_CIRCUMSTANCES, ABSENT_FROM_AREA or MISSED_APPOINTMENT (Reg 8(2))",
                example = "MISSED_APPOINTMENT")
        String reason,
        @NotBefore(NotBefore.EHCP_REGIME) @NotNull
        @Schema(description = "the day it began: the missed appointment, the first day away", example = "2025-04-28")
        LocalDate startDate,
        @NotBefore(NotBefore.EHCP_REGIME)
        @Schema(description = "the last day away (required for ABSENT_FROM_AREA)", example = "2025-05-30")
        LocalDate endDate) {

    RecordAdviceException toCommand(UUID adviceRequestId) {
        return new RecordAdviceException(adviceRequestId, reason, startDate, endDate);
    }
}
