package org.ehcptracker.reporting.domain;

import org.ehcptracker.contracts.advice.AdviceCancellationReason;
import org.ehcptracker.contracts.advice.AdviceRequestCancelled;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceReturnedForRework;
import org.ehcptracker.contracts.advice.AdviceReworkReason;
import org.ehcptracker.contracts.advice.AdviceSubmitted;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.contracts.plan.AmendedPlanIssued;
import org.ehcptracker.contracts.plan.AnnualReviewDecided;
import org.ehcptracker.contracts.plan.AnnualReviewMeetingHeld;
import org.ehcptracker.contracts.plan.CeaseReason;
import org.ehcptracker.contracts.plan.DraftPlanIssued;
import org.ehcptracker.contracts.plan.PlanCeased;
import org.ehcptracker.contracts.plan.ReviewOutcome;
import org.ehcptracker.statutory.StatutoryClock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.ehcptracker.contracts.assessment.AssessmentConcluded;
import org.ehcptracker.contracts.assessment.AssessmentDecided;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.DisputeKind;
import org.ehcptracker.contracts.assessment.DisputeStage;
import org.ehcptracker.contracts.assessment.ExceptionReason;
import org.ehcptracker.contracts.assessment.ExceptionRecorded;
import org.ehcptracker.contracts.assessment.ExceptionWithdrawn;
import org.ehcptracker.contracts.assessment.MediationOrTribunalRecorded;
import org.ehcptracker.contracts.assessment.RequestKind;
import org.ehcptracker.contracts.assessment.RequestWithdrawn;
import org.ehcptracker.contracts.assessment.RefusalReason;
import org.ehcptracker.contracts.assessment.RequesterType;
import org.ehcptracker.contracts.assessment.ResponsibilityTransferredIn;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.contracts.plan.CriterionScore;
import org.ehcptracker.contracts.plan.FinalPlanIssued;
import org.ehcptracker.contracts.plan.PlanQualityAudited;
import org.ehcptracker.contracts.plan.QualityGrade;

/**
 * Contract events for one case, built with fresh ids; dates are the business dates. Plan events carry
 * {@code planId}: the case's first plan has the case's id as its planId ({@code new Events(caseId, la)});
 * {@link #plan(UUID)} gives the events of another plan of the same case (a new plan after a cessation).
 */
public record Events(UUID caseId, String la, UUID planId) {

    public Events(UUID caseId, String la) {
        this(caseId, la, caseId);
    }

    /** The same case's events for its plan {@code id} (plan-service makes a new planId for each new draft). */
    public Events plan(UUID id) {
        return new Events(caseId, la, id);
    }

    public static Events forNewCase(String la) {
        return new Events(UUID.randomUUID(), la);
    }

    private static Instant at(LocalDate d) {
        return d.atTime(10, 0).toInstant(ZoneOffset.UTC);
    }

    public AssessmentRequested requested(LocalDate received) {
        return new AssessmentRequested(UUID.randomUUID(), caseId, la, received, at(received), 1, "C-" + caseId.toString().substring(0, 6), RequesterType.PARENT);
    }

    /** A request to re-assess a child who already has a plan (Reg 27), received on {@code received}. */
    public AssessmentRequested reassessmentRequested(LocalDate received) {
        return new AssessmentRequested(UUID.randomUUID(), caseId, la, received, at(received),
                AssessmentRequested.SCHEMA_VERSION, "C-" + caseId.toString().substring(0, 6), RequesterType.PARENT,
                RequestKind.REASSESSMENT);
    }

    public AssessmentDecided decided(LocalDate date, AssessmentDecision decision) {
        return new AssessmentDecided(UUID.randomUUID(), caseId, la, date, at(date), AssessmentDecided.SCHEMA_VERSION, decision,
                decision == AssessmentDecision.REFUSE ? RefusalReason.NEEDS_MET_FROM_AVAILABLE_RESOURCES : null);
    }

    public AssessmentConcluded concluded(LocalDate date, AssessmentOutcome outcome) {
        return new AssessmentConcluded(UUID.randomUUID(), caseId, la, date, at(date), 1, outcome);
    }

    public ExceptionRecorded exception(LocalDate date, StatutoryLimit limit) {
        return new ExceptionRecorded(UUID.randomUUID(), caseId, la, date, at(date), 1, UUID.randomUUID(), limit,
                ExceptionReason.EXCEPTIONAL_PERSONAL_CIRCUMSTANCES, date, null);
    }

    /** The exception {@code recorded} withdrawn as recorded in error, on {@code date}. */
    public ExceptionWithdrawn exceptionWithdrawn(LocalDate date, ExceptionRecorded recorded) {
        return new ExceptionWithdrawn(UUID.randomUUID(), caseId, la, date, at(date), 1, recorded.exceptionId());
    }

    /** A mediation about the refusal to assess, registered on {@code date}. */
    public MediationOrTribunalRecorded mediation(LocalDate date) {
        return dispute(date, DisputeKind.MEDIATION, DisputeStage.REFUSAL_TO_ASSESS);
    }

    public MediationOrTribunalRecorded dispute(LocalDate date, DisputeKind kind, DisputeStage stage) {
        return new MediationOrTribunalRecorded(UUID.randomUUID(), caseId, la, date, at(date), 1, kind,
                UUID.randomUUID(), stage);
    }

    public RequestWithdrawn withdrawn(LocalDate date) {
        return new RequestWithdrawn(UUID.randomUUID(), caseId, la, date, at(date), 1);
    }

    public ResponsibilityTransferredIn transferredIn(LocalDate date, String fromLa) {
        return new ResponsibilityTransferredIn(UUID.randomUUID(), caseId, la, date, at(date), 1, fromLa);
    }

    public FinalPlanIssued finalPlan(LocalDate issued, LocalDate clockStart) {
        return new FinalPlanIssued(UUID.randomUUID(), caseId, la, issued, at(issued), 1, planId, "139021",
                null, clockStart);
    }

    /** An advice request of {@code agency} for {@code type}, received by the agency on {@code date}. */
    public AdviceRequested adviceRequested(LocalDate date, AdviceType type, String agency) {
        return new AdviceRequested(UUID.randomUUID(), caseId, la, date, at(date), 1, UUID.randomUUID(), type, agency,
                StatutoryClock.adviceDue(date));
    }

    public AdviceSubmitted adviceSubmitted(LocalDate date, AdviceRequested request) {
        return new AdviceSubmitted(UUID.randomUUID(), caseId, la, date, at(date), 1, request.adviceRequestId(),
                request.adviceType(), request.agencyId());
    }

    public AdviceReturnedForRework adviceReworked(LocalDate date, AdviceRequested request) {
        return new AdviceReturnedForRework(UUID.randomUUID(), caseId, la, date, at(date), AdviceReturnedForRework.SCHEMA_VERSION,
                request.adviceRequestId(), AdviceReworkReason.INCOMPLETE);
    }

    public AdviceRequestCancelled adviceCancelled(LocalDate date, AdviceRequested request) {
        return new AdviceRequestCancelled(UUID.randomUUID(), caseId, la, date, at(date), AdviceRequestCancelled.SCHEMA_VERSION,
                request.adviceRequestId(), AdviceCancellationReason.EXISTING_ADVICE_REUSED);
    }

    /** Existing advice of {@code agency} dated {@code adviceDate} reused instead of a new request (Reg 6(4)), recorded on {@code date}. */
    public org.ehcptracker.contracts.advice.ExistingAdviceReused adviceReused(LocalDate date, AdviceType type, String agency,
                                                                           LocalDate adviceDate) {
        return new org.ehcptracker.contracts.advice.ExistingAdviceReused(UUID.randomUUID(), caseId, la, date, at(date),
                org.ehcptracker.contracts.advice.ExistingAdviceReused.SCHEMA_VERSION, UUID.randomUUID(), type, agency,
                adviceDate);
    }

    /** The annual review meeting of review {@code reviewId} on {@code meeting}; a phase transfer or nulls. */
    public AnnualReviewMeetingHeld reviewMeeting(LocalDate meeting, UUID reviewId, String phaseTransfer,
                                                 LocalDate phaseTransferDeadline) {
        return new AnnualReviewMeetingHeld(UUID.randomUUID(), caseId, la, meeting, at(meeting), 1, planId, reviewId,
                StatutoryClock.reviewDecisionDue(meeting), phaseTransfer, phaseTransferDeadline);
    }

    public AnnualReviewDecided reviewDecided(LocalDate date, UUID reviewId, ReviewOutcome outcome, LocalDate meeting) {
        return new AnnualReviewDecided(UUID.randomUUID(), caseId, la, date, at(date), 1, planId, reviewId, outcome,
                meeting, outcome == ReviewOutcome.AMEND ? StatutoryClock.amendedPlanDue(date, meeting) : null);
    }

    public AmendedPlanIssued amendedPlan(LocalDate date, UUID reviewId) {
        return new AmendedPlanIssued(UUID.randomUUID(), caseId, la, date, at(date), 1, planId, reviewId, null, null);
    }

    public PlanCeased planCeased(LocalDate date, CeaseReason reason) {
        return new PlanCeased(UUID.randomUUID(), caseId, la, date, at(date), 1, planId, reason);
    }

    /** A quality audit of this plan, recorded at {@code hour} o'clock UTC. */
    public PlanQualityAudited qualityAudited(LocalDate date, int hour, QualityGrade grade, int score,
                                             CriterionScore... criteria) {
        return new PlanQualityAudited(UUID.randomUUID(), caseId, la, date, date.atTime(hour, 0).toInstant(ZoneOffset.UTC),
                1, planId, grade, score, List.of(criteria));
    }

    public DraftPlanIssued draftPlan(LocalDate date) {
        return new DraftPlanIssued(UUID.randomUUID(), caseId, la, date, at(date), 1, planId);
    }
}
