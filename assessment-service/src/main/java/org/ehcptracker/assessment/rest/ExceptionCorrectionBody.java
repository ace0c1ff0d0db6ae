package org.ehcptracker.assessment.rest;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.assessment.domain.CorrectException;
import org.ehcptracker.kit.rest.NotBefore;

/** Body of {@code POST /api/cases/{caseId}/exceptions/{exceptionId}/correction}. */
@Schema(name = "ExceptionCorrection", description = "Sets or changes the end date of an exception")
public record ExceptionCorrectionBody(
        @NotBefore(NotBefore.EHCP_REGIME) @NotNull
        @Schema(description = "last day the circumstance applied: not before the exception's startDate, not in the future")
        LocalDate endDate) {

    CorrectException toCommand(UUID caseId, UUID exceptionId) {
        return new CorrectException(caseId, exceptionId, endDate);
    }
}
