package org.ehcptracker.plan.rest;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.contracts.plan.SenNeedType;
import org.ehcptracker.kit.rest.NotBefore;
import org.ehcptracker.plan.domain.RecordSenNeeds;

/** Body of {@code PUT /api/plans/{planId}/sen-needs}. */
@Schema(name = "SenNeedsRecording", description = "The child's SEN needs as the plan's section B describes them")
public record SenNeedsRequest(
        @NotBefore(NotBefore.EHCP_REGIME) @NotNull
        @Schema(description = "from when the plan describes these needs: its issue, an amendment's issue, or later;"
                + " not in the future", example = "2026-06-02")
        LocalDate effectiveDate,
        @NotNull
        @Schema(description = "the types of need (DfE codes), the primary first; at least one, none twice",
                example = "[\"ASD\", \"SLCN\"]")
        List<SenNeedType> needs) {

    RecordSenNeeds toCommand(UUID planId) {
        return new RecordSenNeeds(planId, effectiveDate, needs);
    }
}
