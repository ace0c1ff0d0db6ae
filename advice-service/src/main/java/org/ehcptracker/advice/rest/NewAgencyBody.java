package org.ehcptracker.advice.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.advice.domain.AdviceRequest;
import org.ehcptracker.contracts.advice.AdviceType;

/** Body of {@code POST /api/councils/{localAuthorityCode}/agencies}. */
public record NewAgencyBody(
        @NotNull @Pattern(regexp = AdviceRequest.AGENCY_ID_PATTERN,
                message = "must be 1-100 letters, digits or . _ @ - (e.g. 839-EPS)")
        @Schema(description = "unique across councils; the agency identifies itself as agency:<agencyId>", example = "839-EPS")
        String agencyId,
        @NotBlank @Size(max = 200) @Pattern(regexp = TextRules.ONE_LINE, message = TextRules.ONE_LINE_MESSAGE)
        @Schema(example = "Dorset Educational Psychology Service")
        String name,
        @NotEmpty
        @Schema(description = "the kinds of advice it gives", example = "[\"EDUCATIONAL_PSYCHOLOGY\"]")
        Set<@NotNull AdviceType> adviceTypes,
        @NotBlank @Email @Size(max = 254) @Pattern(regexp = TextRules.ONE_LINE, message = TextRules.ONE_LINE_MESSAGE)
        @Schema(description = "the organisation's mailbox for reminders and overdue notices", example = "eps@dorset.example")
        String contactEmail) {
}
