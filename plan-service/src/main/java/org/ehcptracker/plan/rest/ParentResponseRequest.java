package org.ehcptracker.plan.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.kit.rest.NotBefore;
import org.ehcptracker.plan.domain.PlanDecider;
import org.ehcptracker.plan.domain.RecordParentResponse;

/** Body of {@code POST /api/cases/{caseId}/parent-response}: at most one of requestedSettingUrn and requestedSettingType. */
@Schema(name = "ParentResponse", description = "The family's response to the draft plan (Reg 13(1))")
public record ParentResponseRequest(
        @NotBefore(NotBefore.EHCP_REGIME) @NotNull
        @Schema(description = "the date the response reached the LA: not before the draft, not in the future", example = "2025-06-20")
        LocalDate receivedDate,
        @Pattern(regexp = "\\d{6}|\\d{8}", message = "must be a 6-digit URN or an 8-digit UKPRN")
        @Schema(description = "URN/UKPRN of the school or college the family asks for", example = "139021")
        String requestedSettingUrn,
        @Pattern(regexp = "[A-Z0-9_]{1,40}", message = "must be a SEN2 setting type code (capitals, digits, _)")
        @Schema(description = "SEN2 code of the type of setting the family asks for instead of a specific one", example = "MSS")
        String requestedSettingType,
        @Size(max = PlanDecider.MAX_TEXT)
        @Schema(description = "the family's comments: kept only in plan-service, never published; no control characters"
                + " but tabs and line breaks")
        String comments) {

    RecordParentResponse toCommand(UUID caseId) {
        return new RecordParentResponse(caseId, receivedDate, requestedSettingUrn, requestedSettingType, comments);
    }
}
