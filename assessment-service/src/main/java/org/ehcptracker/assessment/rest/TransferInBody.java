package org.ehcptracker.assessment.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.assessment.domain.RecordTransferIn;
import org.ehcptracker.assessment.domain.TransferIn;
import org.ehcptracker.kit.rest.NotBefore;

/**
 * Body of {@code POST /api/cases/{caseId}/transfer-in}, and the {@code transferredIn} block of {@code POST /api/cases}
 * (where {@code localAuthorityCode} is the request's own and must be left out).
 */
@Schema(name = "TransferIn", description = "The child moved into the LA's area mid-process and the LA became responsible:"
        + " the statutory clock restarts on transferDate")
public record TransferInBody(
        @Pattern(regexp = "\\d{3}", message = "must be the DfE three-digit local authority code, e.g. 839")
        @Schema(description = "the LA now responsible; left out: the case's own LA")
        String localAuthorityCode,
        @NotNull @Pattern(regexp = "\\d{3}", message = "must be the DfE three-digit local authority code, e.g. 850")
        @Schema(description = "the LA responsible before; not the LA now responsible", example = "850")
        String fromLocalAuthorityCode,
        @NotBefore(NotBefore.EHCP_REGIME) @NotNull
        @Schema(description = "the day the LA became responsible (the new clock start): not before the clock start, not in the future",
                example = "2025-03-03")
        LocalDate transferDate) {

    RecordTransferIn toCommand(UUID caseId) {
        return new RecordTransferIn(caseId, localAuthorityCode, fromLocalAuthorityCode, transferDate);
    }

    TransferIn toTransferIn() {
        return new TransferIn(fromLocalAuthorityCode, transferDate);
    }
}
