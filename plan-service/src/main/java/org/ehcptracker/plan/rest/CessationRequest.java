package org.ehcptracker.plan.rest;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.contracts.plan.CeaseReason;
import org.ehcptracker.kit.rest.NotBefore;
import org.ehcptracker.plan.domain.CeasePlan;

/** Body of {@code POST /api/plans/{planId}/cessation}. */
@Schema(name = "Cessation", description = "The LA ceases to maintain the plan")
public record CessationRequest(
        @NotBefore(NotBefore.EHCP_REGIME) @NotNull
        @Schema(description = "not before the plan's issue, not in the future", example = "2026-10-31")
        LocalDate ceasedDate,
        @NotNull @Schema(description = "why, a code (published; no free text)") CeaseReason reason) {

    CeasePlan toCommand(UUID planId) {
        return new CeasePlan(planId, ceasedDate, reason);
    }
}
