package org.ehcptracker.advice.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.kit.rest.NotBefore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.advice.domain.AdviceRequest;
import org.ehcptracker.advice.domain.RequestAdvice;
import org.ehcptracker.contracts.advice.AdviceType;

/** Body of {@code POST /api/cases/{caseId}/advice-requests}. */
public record RequestAdviceBody(
        @NotNull AdviceType adviceType,
        @NotNull @Pattern(regexp = AdviceRequest.AGENCY_ID_PATTERN,
                message = "must be 1-100 letters, digits or . _ @ - (e.g. 839-EPS)")
        @Schema(description = "the partner agency (an organisation, never a person)", example = "839-EPS")
        String agencyId,
        @NotBefore(NotBefore.EHCP_REGIME) @NotNull
        @Schema(description = "the day the agency received the request: its 6 weeks start here", example = "2025-04-11")
        LocalDate requestedDate) {

    RequestAdvice toCommand(UUID adviceRequestId, UUID caseId) {
        return new RequestAdvice(adviceRequestId, caseId, adviceType, agencyId, requestedDate);
    }
}
