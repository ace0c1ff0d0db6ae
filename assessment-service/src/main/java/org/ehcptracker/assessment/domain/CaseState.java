package org.ehcptracker.assessment.domain;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.contracts.assessment.AssessmentConcluded;
import org.ehcptracker.contracts.assessment.AssessmentDecided;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.RequestWithdrawn;
import org.ehcptracker.contracts.assessment.RequesterType;
import org.ehcptracker.kit.domain.AggregateType;
import org.ehcptracker.statutory.StatutoryClock;

/**
 * One EHC needs assessment case (stream id = caseId) as its events leave it: immutable, rebuilt by the
 * pure {@link #evolve(AssessmentEvent)}. {@link #NONE} is a case id with no events yet. Facts that are
 * not known yet (no decision, no conclusion) are null. {@link AssessmentDecider} decides the commands.
 *
 * <p>The state never holds a child's name or date of birth: no event carries them (see
 * docs/assessment-service.md, "Personal data").
 *
 * @param receivedDate day 0 of the statutory clock
 * @param status       null only for {@link #NONE}
 */
public record CaseState(
        UUID caseId,
        String localAuthorityCode,
        String childRef,
        RequesterType requestedBy,
        LocalDate receivedDate,
        CaseStatus status,
        AssessmentDecision decision,
        LocalDate decisionDate,
        String refusalReason,
        LocalDate withdrawnDate,
        AssessmentOutcome outcome,
        LocalDate conclusionDate) {

    /** A case id that has no events. */
    public static final CaseState NONE = new CaseState(null, null, null, null, null, null, null, null, null, null, null, null);

    /** What the application service needs to load and rebuild a case. */
    public static final AggregateType<CaseState, AssessmentEvent> TYPE =
            new AggregateType<>("assessment case", AssessmentEvent.class, NONE, CaseState::evolve);

    /** The case after one more event. */
    public CaseState evolve(AssessmentEvent event) {
        if (event instanceof AssessmentRequested e) {
            if (exists()) {
                throw new IllegalStateException("case " + caseId + " has a second AssessmentRequested");
            }
            return new CaseState(e.caseId(), e.localAuthorityCode(), e.childRef(), e.requestedBy(), e.businessDate(),
                    CaseStatus.REQUESTED, null, null, null, null, null, null);
        }
        if (!exists()) {
            throw new IllegalStateException("stream starts with " + event.getClass().getSimpleName()
                    + " instead of AssessmentRequested");
        }
        if (event instanceof AssessmentDecided e) {
            CaseStatus next = e.decision() == AssessmentDecision.ASSESS ? CaseStatus.ASSESSING : CaseStatus.REFUSED;
            return new CaseState(caseId, localAuthorityCode, childRef, requestedBy, receivedDate, next,
                    e.decision(), e.businessDate(), e.refusalReason(), withdrawnDate, outcome, conclusionDate);
        }
        if (event instanceof RequestWithdrawn e) {
            return new CaseState(caseId, localAuthorityCode, childRef, requestedBy, receivedDate, CaseStatus.WITHDRAWN,
                    decision, decisionDate, refusalReason, e.businessDate(), outcome, conclusionDate);
        }
        if (event instanceof AssessmentConcluded e) {
            CaseStatus next = e.outcome() == AssessmentOutcome.NO_PLAN
                    ? CaseStatus.CONCLUDED_NO_PLAN : CaseStatus.CONCLUDED_ISSUE_PLAN;
            return new CaseState(caseId, localAuthorityCode, childRef, requestedBy, receivedDate, next,
                    decision, decisionDate, refusalReason, withdrawnDate, e.outcome(), e.businessDate());
        }
        // Fail loudly rather than rebuild a case whose deadlines silently ignore, e.g., a transfer.
        throw new IllegalStateException("an assessment case cannot apply " + event.getClass().getSimpleName() + " yet");
    }

    /** False for a case id that has no events. */
    public boolean exists() {
        return caseId != null;
    }

    /** Reg 5: the decision whether to assess is due 6 weeks after receipt. */
    public LocalDate decisionDue() {
        return receivedDate == null ? null : StatutoryClock.decisionToAssessDue(receivedDate);
    }

    /** Reg 13(2): the final plan is due 20 weeks (140 days) after receipt. */
    public LocalDate finalPlanDue() {
        return receivedDate == null ? null : StatutoryClock.finalPlanDue(receivedDate);
    }

    /** Reg 10: the decision not to issue a plan after assessment is due 16 weeks after receipt. */
    public LocalDate noPlanDecisionDue() {
        return receivedDate == null ? null : StatutoryClock.noPlanDecisionDue(receivedDate);
    }

    /** Whether the decision was made by {@link #decisionDue()} (that day included); empty while undecided. */
    public Optional<Boolean> decisionOnTime() {
        return Optional.ofNullable(decisionDate).map(d -> !d.isAfter(decisionDue()));
    }
}
