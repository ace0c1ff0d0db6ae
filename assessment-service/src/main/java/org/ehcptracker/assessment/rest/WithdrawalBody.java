package org.ehcptracker.assessment.rest;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.assessment.domain.WithdrawRequest;
import org.ehcptracker.kit.rest.NotBefore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/cases/{caseId}/withdrawal}. */
@Schema(name = "Withdrawal", description = "The requester withdrew the request")
public record WithdrawalBody(
        @NotBefore(NotBefore.EHCP_REGIME) @NotNull @Schema(description = "not before the request (or the decision to assess), not in the future", example = "2025-04-22")
        LocalDate withdrawnDate) {

    WithdrawRequest toCommand(UUID caseId) {
        return new WithdrawRequest(caseId, withdrawnDate);
    }
}
