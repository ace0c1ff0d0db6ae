package org.ehcptracker.plan.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.kit.rest.NotBefore;
import org.ehcptracker.plan.domain.IssueAmendedPlan;

/** Body of {@code POST /api/reviews/{reviewId}/amended-plan}: at most one of namedSettingUrn and settingType. */
@Schema(name = "AmendedPlan", description = "The final amended plan, after a decision to amend")
public record AmendedPlanRequest(
        @NotBefore(NotBefore.EHCP_REGIME) @NotNull
        @Schema(description = "after the family's 15 days on the proposal, not in the future", example = "2026-09-08")
        LocalDate issuedDate,
        @Pattern(regexp = "\\d{6}|\\d{8}", message = "must be a 6-digit URN or an 8-digit UKPRN")
        @Schema(description = "URN/UKPRN of the setting the amended plan names, when it names a (new) one")
        String namedSettingUrn,
        @Pattern(regexp = "[A-Z0-9_]{1,40}", message = "must be a SEN2 setting type code (capitals, digits, _)")
        @Schema(description = "SEN2 type of setting named instead")
        String settingType) {

    IssueAmendedPlan toCommand(UUID reviewId) {
        return new IssueAmendedPlan(reviewId, issuedDate, namedSettingUrn, settingType);
    }
}
