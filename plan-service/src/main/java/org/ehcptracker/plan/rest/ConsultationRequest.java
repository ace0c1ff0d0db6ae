package org.ehcptracker.plan.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.kit.rest.NotBefore;
import org.ehcptracker.plan.domain.ConsultSetting;

/** Body of {@code POST /api/cases/{caseId}/consultations}. */
@Schema(name = "Consultation", description = "A school or college consulted about being named (Code 9.83, 15 days)")
public record ConsultationRequest(
        @NotNull @Pattern(regexp = "\\d{6}|\\d{8}", message = "must be a 6-digit URN or an 8-digit UKPRN")
        @Schema(description = "URN/UKPRN of the setting consulted", example = "139021")
        String settingUrn,
        @NotBefore(NotBefore.EHCP_REGIME) @NotNull
        @Schema(description = "the date the consultation was sent: not before the draft, not in the future", example = "2025-06-23")
        LocalDate consultedDate) {

    ConsultSetting toCommand(UUID caseId) {
        return new ConsultSetting(caseId, settingUrn, consultedDate);
    }
}
