package org.ehcptracker.assessment.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.assessment.app.CaseFile;
import org.ehcptracker.assessment.domain.CaseState;
import org.ehcptracker.assessment.domain.CaseStatus;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.RequesterType;

/**
 * An assessment case as the API shows it. Absent facts are null, except the child's name and
 * date of birth, which appear only while held (never given or erased: the fields are left out).
 */
@Schema(name = "Case")
public record CaseView(
        UUID caseId,
        String localAuthorityCode,
        String childRef,
        RequesterType requestedBy,
        CaseStatus status,
        LocalDate receivedDate,
        @Schema(description = "Reg 5: decision whether to assess due 6 weeks after receipt")
        LocalDate decisionDue,
        @Schema(description = "Reg 10: decision not to issue a plan after assessment due 16 weeks after receipt")
        LocalDate noPlanDecisionDue,
        @Schema(description = "Reg 13(2): final plan due 20 weeks (140 days) after receipt")
        LocalDate finalPlanDue,
        AssessmentDecision decision,
        LocalDate decisionDate,
        String refusalReason,
        @Schema(description = "decisionDate on or before decisionDue; null while undecided")
        Boolean decisionOnTime,
        LocalDate withdrawnDate,
        @Schema(description = "how the assessment ended; null until concluded")
        AssessmentOutcome outcome,
        @Schema(description = "the date of the conclusion; for NO_PLAN the date the family was told")
        LocalDate conclusionDate,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String childName,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        LocalDate childDateOfBirth) {

    static CaseView of(CaseFile file) {
        CaseState c = file.state();
        return new CaseView(c.caseId(), c.localAuthorityCode(), c.childRef(), c.requestedBy(), c.status(),
                c.receivedDate(), c.decisionDue(), c.noPlanDecisionDue(), c.finalPlanDue(),
                c.decision(), c.decisionDate(), c.refusalReason(), c.decisionOnTime().orElse(null), c.withdrawnDate(),
                c.outcome(), c.conclusionDate(), file.child().childName(), file.child().dateOfBirth());
    }
}
