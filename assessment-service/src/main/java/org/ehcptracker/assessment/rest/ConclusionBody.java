package org.ehcptracker.assessment.rest;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.assessment.domain.ConcludeAssessment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.kit.rest.NotBefore;

/** Body of {@code POST /api/cases/{caseId}/conclusion}. */
@Schema(name = "Conclusion", description = "How the EHC needs assessment ended: the LA will issue a plan, or not (Reg 10)")
public record ConclusionBody(
        @NotNull
        AssessmentOutcome outcome,
        @NotBefore(NotBefore.EHCP_REGIME) @NotNull @Schema(description = "not before the decision to assess, not in the future;"
                + " for NO_PLAN the date the family was told", example = "2025-06-02")
        LocalDate conclusionDate) {

    ConcludeAssessment toCommand(UUID caseId) {
        return new ConcludeAssessment(caseId, outcome, conclusionDate);
    }
}
