package org.ehcptracker.assessment.rest;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.assessment.domain.DecideWhetherToAssess;
import org.ehcptracker.kit.rest.NotBefore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.RefusalReason;

/** Body of {@code POST /api/cases/{caseId}/decision}. */
@Schema(name = "Decision", description = "The LA's decision whether to carry out an EHC needs assessment")
public record DecisionBody(
        @NotNull
        AssessmentDecision decision,
        @NotBefore(NotBefore.EHCP_REGIME) @NotNull @Schema(description = "not before the request was received, not in the future", example = "2025-04-10")
        LocalDate decisionDate,
        @Schema(description = "the ground of a refusal, a code (published): required for REFUSE, absent for ASSESS")
        RefusalReason refusalReason,
        @Schema(description = "optional free text about a refusal (at most 2000 characters, no control characters but tabs and"
                + " line breaks), absent for ASSESS; kept only in this service, never published, erased with the personal details")
        String refusalNote,
        @Schema(description = "true only for a decision to assess that replaces an earlier refusal (after mediation,"
                + " tribunal or review); otherwise a second decision is a 409")
        Boolean overturnsRefusal) {

    DecideWhetherToAssess toCommand(UUID caseId) {
        return new DecideWhetherToAssess(caseId, decision, decisionDate, refusalReason, refusalNote,
                Boolean.TRUE.equals(overturnsRefusal));
    }
}
