package org.ehcptracker.assessment.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.assessment.domain.RecordException;
import org.ehcptracker.contracts.assessment.ExceptionReason;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.kit.rest.NotBefore;

/** Body of {@code POST /api/cases/{caseId}/exceptions}. */
@Schema(name = "Exception", description = "An exception to one statutory limit of the case (Regs 5(4), 10(4), 13(3))")
public record ExceptionBody(
        @Schema(description = "optional client-chosen id: a retried POST with the same id gets 409 instead of a second exception")
        UUID exceptionId,
        @NotNull StatutoryLimit limit,
        @NotNull ExceptionReason reason,
        @NotBefore(NotBefore.EHCP_REGIME) @NotNull
        @Schema(description = "first day the circumstance applied: not before the clock start, not in the future", example = "2025-05-12")
        LocalDate startDate,
        @NotBefore(NotBefore.EHCP_REGIME)
        @Schema(description = "last day it applied, when known: not before startDate, not in the future")
        LocalDate endDate,
        @Size(max = 2000)
        @Schema(description = "free text kept only in this service (never published), erased with the personal details")
        String note) {

    /** The command; an exception without exceptionId gets a new one. */
    RecordException toCommand(UUID caseId) {
        return new RecordException(caseId, exceptionId != null ? exceptionId : UUID.randomUUID(), limit, reason, startDate,
                endDate, note);
    }
}
