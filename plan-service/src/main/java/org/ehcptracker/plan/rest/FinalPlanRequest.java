package org.ehcptracker.plan.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.kit.rest.NotBefore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.plan.domain.IssueFinalPlan;

/** Body of {@code POST /api/cases/{caseId}/final-plan}: exactly one of namedSettingUrn and settingType. */
public record FinalPlanRequest(
        @NotBefore(NotBefore.EHCP_REGIME) @Schema(description = "the date the final plan was issued", example = "2025-07-18")
        @NotNull LocalDate issuedDate,
        @Schema(description = "URN (6 digits) or UKPRN (8 digits) of the named school or college; omit when naming a type",
                example = "139021")
        @Pattern(regexp = "\\d{6}|\\d{8}", message = "must be a 6-digit URN or an 8-digit UKPRN")
        String namedSettingUrn,
        @Schema(description = "SEN2 code of the type of setting named instead of a specific one (capitals, digits, _;"
                + " published, so never free text); omit when naming a setting", example = "MSS")
        @Pattern(regexp = "[A-Z0-9_]{1,40}", message = "must be a SEN2 setting type code (capitals, digits, _)")
        String settingType) {

    IssueFinalPlan toCommand(UUID caseId) {
        return new IssueFinalPlan(caseId, issuedDate, namedSettingUrn, settingType);
    }
}
