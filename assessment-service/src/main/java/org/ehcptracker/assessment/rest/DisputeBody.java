package org.ehcptracker.assessment.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.assessment.domain.RecordDispute;
import org.ehcptracker.contracts.assessment.DisputeKind;
import org.ehcptracker.contracts.assessment.DisputeStage;
import org.ehcptracker.kit.rest.NotBefore;

/** Body of {@code POST /api/cases/{caseId}/disputes}. */
@Schema(name = "Dispute", description = "A mediation or a tribunal appeal about one of the LA's decisions")
public record DisputeBody(
        @Schema(description = "optional client-chosen id: a retried POST with the same id gets 409 instead of a second dispute")
        UUID disputeId,
        @NotNull DisputeKind kind,
        @NotNull @Schema(description = "the decision disputed: REFUSAL_TO_ASSESS needs a refusal, REFUSAL_TO_ISSUE_PLAN a"
                + " conclusion NO_PLAN, PLAN_CONTENTS a conclusion ISSUE_PLAN")
        DisputeStage stage,
        @NotBefore(NotBefore.EHCP_REGIME) @NotNull
        @Schema(description = "the date it was registered: not before the decision disputed, not in the future", example = "2025-04-24")
        LocalDate registeredDate,
        @Size(max = 2000)
        @Schema(description = "free text kept only in this service (never published), erased with the personal details")
        String note) {

    /** The command; a dispute without disputeId gets a new one. */
    RecordDispute toCommand(UUID caseId) {
        return new RecordDispute(caseId, disputeId != null ? disputeId : UUID.randomUUID(), kind, stage, registeredDate, note);
    }
}
