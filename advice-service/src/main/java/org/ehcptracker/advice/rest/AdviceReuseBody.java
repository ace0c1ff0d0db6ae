package org.ehcptracker.advice.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.advice.domain.AdviceRequest;
import org.ehcptracker.advice.domain.ReuseExistingAdvice;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.kit.rest.NotBefore;

/** Body of {@code POST /api/cases/{caseId}/advice-reuses}. */
public record AdviceReuseBody(
        @NotNull @Schema(description = "the kind of advice reused (a code)", example = "EDUCATIONAL_PSYCHOLOGY")
        AdviceType adviceType,
        @NotNull @Pattern(regexp = AdviceRequest.AGENCY_ID_PATTERN,
                message = "must be 1-100 letters, digits or . _ @ - (e.g. 839-EPS)")
        @Schema(description = "the agency that gave the existing advice (an organisation, never a person)", example = "839-EPS")
        String agencyId,
        @NotBefore(NotBefore.EHCP_REGIME) @NotNull
        @Schema(description = "the date of the existing advice; not in the future", example = "2025-01-20")
        LocalDate adviceDate,
        @NotNull @Schema(description = "the parent or young person agreed the existing advice is sufficient (Reg 6(4)); must be true")
        Boolean familyAgreed,
        @NotNull @Schema(description = "the person who gave the advice agreed it is sufficient (Reg 6(4)); must be true")
        Boolean adviserAgreed,
        @Size(max = 2000) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.MULTI_LINE_MESSAGE)
        @Schema(description = "the caseworker's own words; kept by advice-service only, never published",
                example = "EP report of January 2025 still current; agreed with the family and the EP on 14 April")
        String note) {

    ReuseExistingAdvice toCommand(UUID caseId) {
        return new ReuseExistingAdvice(caseId, adviceType, agencyId, adviceDate, familyAgreed, adviserAgreed);
    }

    /** The note, or null when none was written. */
    String noteOrNull() {
        return note == null || note.isBlank() ? null : note;
    }
}
