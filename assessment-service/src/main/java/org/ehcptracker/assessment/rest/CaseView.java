package org.ehcptracker.assessment.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.assessment.app.CaseFile;
import org.ehcptracker.assessment.domain.CaseState;
import org.ehcptracker.assessment.domain.CaseStatus;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.NationalCurriculumYear;
import org.ehcptracker.contracts.assessment.RefusalReason;
import org.ehcptracker.contracts.assessment.RequestKind;
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
        @Schema(description = "INITIAL, or REASSESSMENT of a child who already has a plan (Reg 27: final plan within 14 weeks;"
                + " no 6- or 16-week limit, so decisionDue and noPlanDecisionDue are null)")
        RequestKind requestKind,
        @Schema(description = "the child's national curriculum year group when the request was received (SEN2 codes);"
                + " null when not recorded. From Year 9 on the decision date, preparation-for-adulthood advice is sought")
        NationalCurriculumYear yearGroup,
        CaseStatus status,
        @Schema(description = "the day the request was first received (by the previous LA for a transferred-in case)")
        LocalDate receivedDate,
        @Schema(description = "day 0 of the statutory clock: the latest transfer-in date, else receivedDate")
        LocalDate clockStart,
        @Schema(description = "the day this LA became responsible after a transfer in; null when the case never moved")
        LocalDate transferredInDate,
        @Schema(description = "Reg 5: decision whether to assess due 6 weeks after the clock start; null for a re-assessment")
        LocalDate decisionDue,
        @Schema(description = "Reg 10: decision not to issue a plan after assessment due 16 weeks after the clock start; null for a re-assessment")
        LocalDate noPlanDecisionDue,
        @Schema(description = "Reg 13(2): final plan due 20 weeks (140 days) after the clock start; for a re-assessment Reg 27: 14 weeks (98 days)")
        LocalDate finalPlanDue,
        AssessmentDecision decision,
        LocalDate decisionDate,
        @Schema(description = "the ground of the refusal that holds now (a code); null unless refused")
        RefusalReason refusalReason,
        @Schema(description = "the caseworker's note about the refusal that holds now, while held (left out when none or erased)")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String refusalNote,
        @Schema(description = "the first decision's date on or before decisionDue; null while undecided")
        Boolean decisionOnTime,
        @Schema(description = "every decision whether to assess, in order (a refusal may be followed by a decision to assess)")
        List<DecisionEntry> decisions,
        LocalDate withdrawnDate,
        @Schema(description = "how the assessment ended; null until concluded")
        AssessmentOutcome outcome,
        @Schema(description = "the date of the conclusion; for NO_PLAN the date the family was told")
        LocalDate conclusionDate,
        @Schema(description = "SEN2's Week20 flag: a 20-week exception, not withdrawn, applies during the clock now running")
        boolean exceptionsApply,
        List<TransferEntry> transfers,
        @Schema(description = "every exception, withdrawn ones included (notes: GET .../exceptions)")
        List<ExceptionView> exceptions,
        @Schema(description = "every mediation or tribunal appeal (notes: GET .../disputes)")
        List<DisputeView> disputes,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String childName,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        LocalDate childDateOfBirth,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "SEN2 person details while held: CBDS sex code")
        String sex,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "CBDS ethnicity code, while held")
        String ethnicity,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "unique pupil number, while held")
        String upn,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "unique learner number, while held")
        String uln,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "postcode, while held")
        String postcode) {

    /** One decision whether to assess. */
    @Schema(name = "CaseDecision")
    public record DecisionEntry(AssessmentDecision decision, LocalDate date, RefusalReason refusalReason,
            @JsonInclude(JsonInclude.Include.NON_NULL) String refusalNote) {
    }

    /** One transfer in. */
    @Schema(name = "CaseTransfer")
    public record TransferEntry(String fromLocalAuthorityCode, LocalDate transferDate) {
    }

    static CaseView of(CaseFile file) {
        CaseState c = file.state();
        return new CaseView(c.caseId(), c.localAuthorityCode(), c.childRef(), c.requestedBy(), c.requestKind(), c.yearGroup(), c.status(),
                c.receivedDate(), c.clockStart(), c.transferredInDate(), c.decisionDue(), c.noPlanDecisionDue(),
                c.finalPlanDue(), c.decision(), c.decisionDate(), c.refusalReason(), file.decisionNote(currentDecisionId(c)), c.decisionOnTime().orElse(null),
                c.decisions().stream().map(d -> new DecisionEntry(d.decision(), d.date(), d.refusalReason(),
                        file.decisionNote(d.decisionId()))).toList(),
                c.withdrawnDate(), c.outcome(), c.conclusionDate(), c.exceptionsApply(),
                c.transfers().stream().map(t -> new TransferEntry(t.fromLocalAuthorityCode(), t.date())).toList(),
                c.exceptions().stream().map(x -> ExceptionView.of(x, Map.of())).toList(),
                c.disputes().stream().map(d -> DisputeView.of(d, Map.of())).toList(),
                file.child().childName(), file.child().dateOfBirth(), file.child().sen2().sex(),
                file.child().sen2().ethnicity(), file.child().sen2().upn(), file.child().sen2().uln(),
                file.child().sen2().postcode());
    }

    private static UUID currentDecisionId(CaseState c) {
        return c.decisions().isEmpty() ? null : c.decisions().get(c.decisions().size() - 1).decisionId();
    }
}
