package org.ehcptracker.assessment.rest;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.assessment.domain.RecordDisputeOutcome;
import org.ehcptracker.contracts.assessment.DisputeOutcome;
import org.ehcptracker.kit.rest.NotBefore;

/** Body of {@code POST /api/cases/{caseId}/disputes/{disputeId}/outcome}. */
@Schema(name = "DisputeOutcome", description = "How a mediation or tribunal appeal ended")
public record DisputeOutcomeBody(
        @NotNull DisputeOutcome outcome,
        @NotBefore(NotBefore.EHCP_REGIME) @NotNull
        @Schema(description = "not before the dispute was registered, not in the future", example = "2025-05-19")
        LocalDate outcomeDate) {

    RecordDisputeOutcome toCommand(UUID caseId, UUID disputeId) {
        return new RecordDisputeOutcome(caseId, disputeId, outcome, outcomeDate);
    }
}
