package org.ehcptracker.plan.rest;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.kit.rest.NotBefore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.plan.domain.IssueDraftPlan;

/** Body of {@code POST /api/cases/{caseId}/draft-plan}. */
public record DraftPlanRequest(
        @NotBefore(NotBefore.EHCP_REGIME) @Schema(description = "the date the draft was served on the parent or young person", example = "2025-06-09")
        @NotNull LocalDate issuedDate) {

    IssueDraftPlan toCommand(UUID caseId) {
        return new IssueDraftPlan(caseId, issuedDate);
    }
}
