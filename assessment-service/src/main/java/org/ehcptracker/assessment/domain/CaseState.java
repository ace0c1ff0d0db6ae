package org.ehcptracker.assessment.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.ehcptracker.contracts.assessment.AssessmentConcluded;
import org.ehcptracker.contracts.assessment.AssessmentDecided;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.RefusalReason;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.DisputeKind;
import org.ehcptracker.contracts.assessment.DisputeOutcome;
import org.ehcptracker.contracts.assessment.DisputeResolved;
import org.ehcptracker.contracts.assessment.DisputeStage;
import org.ehcptracker.contracts.assessment.ExceptionCorrected;
import org.ehcptracker.contracts.assessment.ExceptionReason;
import org.ehcptracker.contracts.assessment.ExceptionRecorded;
import org.ehcptracker.contracts.assessment.ExceptionWithdrawn;
import org.ehcptracker.contracts.assessment.MediationOrTribunalRecorded;
import org.ehcptracker.contracts.assessment.NationalCurriculumYear;
import org.ehcptracker.contracts.assessment.PersonalDetailsErased;
import org.ehcptracker.contracts.assessment.RequestWithdrawn;
import org.ehcptracker.contracts.assessment.RequestKind;
import org.ehcptracker.contracts.assessment.RequesterType;
import org.ehcptracker.contracts.assessment.ResponsibilityTransferredIn;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.kit.domain.AggregateType;
import org.ehcptracker.statutory.StatutoryClock;

/**
 * One EHC needs assessment case (stream id = caseId) as its events leave it: immutable, rebuilt by the
 * pure {@link #evolve(AssessmentEvent)}. {@link #NONE} is a case id with no events yet. Facts that are
 * not known yet (no decision, no conclusion) are null; the histories (decisions, transfers, exceptions,
 * disputes) are empty lists, in the order they were recorded. {@link AssessmentDecider} decides the commands.
 *
 * <p>The state never holds a child's name or date of birth, nor any free text typed by a caseworker
 * (notes, the refusal's own words stay in this service's tables): see docs/assessment-service.md.
 *
 * @param localAuthorityCode the LA responsible now (a transfer in names the receiving LA)
 * @param requestKind        INITIAL, or REASSESSMENT of a child who already has a plan (Reg 27: only the
 *                           14-week final plan limit)
 * @param yearGroup          the child's national curriculum year group on the day the request was received, as
 *                           recorded with it; null when not given (older requests, or not known)
 * @param receivedDate       the day the request was first received (by this LA or, for a transfer, the previous one)
 * @param status             null only for {@link #NONE}
 * @param decisions          every decision whether to assess, in order: a refusal may be followed by a
 *                           decision to assess (an overturned refusal); the last one holds
 * @param transfers          every transfer in, in order; the last one's date is the clock start
 * @param exceptions         every exception recorded, withdrawn ones included (marked)
 * @param disputes           every mediation or tribunal appeal registered
 * @param personalDetailsErasedDate the day the child's personal details were erased; null while held
 */
public record CaseState(
        UUID caseId,
        String localAuthorityCode,
        String childRef,
        RequesterType requestedBy,
        RequestKind requestKind,
        NationalCurriculumYear yearGroup,
        LocalDate receivedDate,
        CaseStatus status,
        List<Decision> decisions,
        LocalDate withdrawnDate,
        AssessmentOutcome outcome,
        LocalDate conclusionDate,
        List<Transfer> transfers,
        List<CaseException> exceptions,
        List<Dispute> disputes,
        LocalDate personalDetailsErasedDate) {

    /** A case id that has no events. */
    public static final CaseState NONE = new CaseState(null, null, null, null, null, null, null, null, List.of(), null, null, null,
            List.of(), List.of(), List.of(), null);

    /** What the application service needs to load and rebuild a case. */
    public static final AggregateType<CaseState, AssessmentEvent> TYPE =
            new AggregateType<>("assessment case", AssessmentEvent.class, NONE, CaseState::evolve);

    /**
     * One decision whether to assess; {@code refusalReason} null for ASSESS. {@code decisionId} is its
     * AssessmentDecided's eventId (a refusal's note in case_note is kept under it).
     */
    public record Decision(UUID decisionId, AssessmentDecision decision, LocalDate date, RefusalReason refusalReason) {
    }

    /** This LA became responsible on {@code date}, taking the case over from {@code fromLocalAuthorityCode}. */
    public record Transfer(String fromLocalAuthorityCode, LocalDate date) {
    }

    /** One exception to a statutory limit (Regs 5(4), 10(4), 13(3)); {@code endDate} null while open. */
    public record CaseException(UUID exceptionId, StatutoryLimit limit,
            ExceptionReason reason, LocalDate startDate, LocalDate endDate,
            LocalDate recordedDate, boolean withdrawn) {

        /** Whether the exception's period reaches {@code date} or later (an open one always does). */
        public boolean reaches(LocalDate date) {
            return endDate == null || !endDate.isBefore(date);
        }
    }

    /** One mediation or tribunal appeal; {@code outcome} and {@code outcomeDate} null until resolved. */
    public record Dispute(UUID disputeId, DisputeKind kind, DisputeStage stage,
            LocalDate registeredDate, DisputeOutcome outcome, LocalDate outcomeDate) {

        public boolean resolved() {
            return outcome != null;
        }
    }

    public CaseState {
        decisions = List.copyOf(decisions);
        transfers = List.copyOf(transfers);
        exceptions = List.copyOf(exceptions);
        disputes = List.copyOf(disputes);
    }

    /** The case after one more event. */
    public CaseState evolve(AssessmentEvent event) {
        if (event instanceof AssessmentRequested e) {
            if (exists()) {
                throw new IllegalStateException("case " + caseId + " has a second AssessmentRequested");
            }
            return new CaseState(e.caseId(), e.localAuthorityCode(), e.childRef(), e.requestedBy(), e.requestKind(), e.yearGroup(), e.businessDate(),
                    CaseStatus.REQUESTED, List.of(), null, null, null, List.of(), List.of(), List.of(), null);
        }
        if (!exists()) {
            throw new IllegalStateException("stream starts with " + event.getClass().getSimpleName()
                    + " instead of AssessmentRequested");
        }
        if (event instanceof AssessmentDecided e) {
            CaseStatus next = e.decision() == AssessmentDecision.ASSESS ? CaseStatus.ASSESSING : CaseStatus.REFUSED;
            return new CaseState(caseId, localAuthorityCode, childRef, requestedBy, requestKind, yearGroup, receivedDate, next,
                    plus(decisions, new Decision(e.eventId(), e.decision(), e.businessDate(), e.refusalReason())), withdrawnDate,
                    outcome, conclusionDate, transfers, exceptions, disputes, personalDetailsErasedDate);
        }
        if (event instanceof RequestWithdrawn e) {
            return new CaseState(caseId, localAuthorityCode, childRef, requestedBy, requestKind, yearGroup, receivedDate, CaseStatus.WITHDRAWN,
                    decisions, e.businessDate(), outcome, conclusionDate, transfers, exceptions, disputes, personalDetailsErasedDate);
        }
        if (event instanceof AssessmentConcluded e) {
            CaseStatus next = e.outcome() == AssessmentOutcome.NO_PLAN
                    ? CaseStatus.CONCLUDED_NO_PLAN : CaseStatus.CONCLUDED_ISSUE_PLAN;
            return new CaseState(caseId, localAuthorityCode, childRef, requestedBy, requestKind, yearGroup, receivedDate, next,
                    decisions, withdrawnDate, e.outcome(), e.businessDate(), transfers, exceptions, disputes, personalDetailsErasedDate);
        }
        if (event instanceof ResponsibilityTransferredIn e) {
            return new CaseState(caseId, e.localAuthorityCode(), childRef, requestedBy, requestKind, yearGroup, receivedDate, status,
                    decisions, withdrawnDate, outcome, conclusionDate,
                    plus(transfers, new Transfer(e.fromLocalAuthorityCode(), e.businessDate())), exceptions, disputes,
                    personalDetailsErasedDate);
        }
        if (event instanceof ExceptionRecorded e) {
            return withExceptions(plus(exceptions, new CaseException(e.exceptionId(), e.limit(), e.reason(),
                    e.startDate(), e.endDate(), e.businessDate(), false)));
        }
        if (event instanceof ExceptionCorrected e) {
            return withExceptions(replace(exceptions, x -> x.exceptionId().equals(e.exceptionId()),
                    x -> new CaseException(x.exceptionId(), x.limit(), x.reason(), x.startDate(), e.endDate(),
                            x.recordedDate(), x.withdrawn()), "ExceptionCorrected of unknown exception " + e.exceptionId()));
        }
        if (event instanceof ExceptionWithdrawn e) {
            return withExceptions(replace(exceptions, x -> x.exceptionId().equals(e.exceptionId()),
                    x -> new CaseException(x.exceptionId(), x.limit(), x.reason(), x.startDate(), x.endDate(),
                            x.recordedDate(), true), "ExceptionWithdrawn of unknown exception " + e.exceptionId()));
        }
        if (event instanceof MediationOrTribunalRecorded e) {
            return withDisputes(plus(disputes, new Dispute(e.disputeId(), e.kind(), e.stage(), e.businessDate(), null, null)));
        }
        if (event instanceof DisputeResolved e) {
            return withDisputes(replace(disputes, d -> d.disputeId().equals(e.disputeId()),
                    d -> new Dispute(d.disputeId(), d.kind(), d.stage(), d.registeredDate(), e.outcome(), e.businessDate()),
                    "DisputeResolved of unknown dispute " + e.disputeId()));
        }
        if (event instanceof PersonalDetailsErased e) {
            // The first erasure's date stays: a second one is never decided (AssessmentDecider).
            return new CaseState(caseId, localAuthorityCode, childRef, requestedBy, requestKind, yearGroup, receivedDate, status,
                    decisions, withdrawnDate, outcome, conclusionDate, transfers, exceptions, disputes,
                    personalDetailsErasedDate != null ? personalDetailsErasedDate : e.businessDate());
        }
        throw new IllegalStateException("an assessment case cannot apply " + event.getClass().getSimpleName());
    }

    /** False for a case id that has no events. */
    public boolean exists() {
        return caseId != null;
    }

    // ---- decisions -------------------------------------------------------------------------------------------

    /** The decision that holds now (the last one); null while undecided. */
    public AssessmentDecision decision() {
        return decisions.isEmpty() ? null : decisions.get(decisions.size() - 1).decision();
    }

    /** The date of the decision that holds now; null while undecided. */
    public LocalDate decisionDate() {
        return decisions.isEmpty() ? null : decisions.get(decisions.size() - 1).date();
    }

    /** The refusal reason of the decision that holds now; null unless it is a refusal. */
    public RefusalReason refusalReason() {
        return decisions.isEmpty() ? null : decisions.get(decisions.size() - 1).refusalReason();
    }

    /** The first decision's date: the one the 6-week limit measures. */
    public LocalDate firstDecisionDate() {
        return decisions.isEmpty() ? null : decisions.get(0).date();
    }

    /**
     * Whether the first decision was made by {@link #decisionDue()} (that day included); empty while undecided
     * and for a re-assessment (it has no 6-week limit).
     */
    public Optional<Boolean> decisionOnTime() {
        LocalDate due = decisionDue();
        return Optional.ofNullable(firstDecisionDate()).filter(d -> due != null).map(d -> !d.isAfter(due));
    }

    // ---- the clock -------------------------------------------------------------------------------------------

    /** A re-assessment of a child who already has a plan (Reg 27), not an initial request. */
    public boolean reassessment() {
        return requestKind == RequestKind.REASSESSMENT;
    }

    /** Day 0 of the statutory clock: the date of the latest transfer in, else the date the request was received. */
    public LocalDate clockStart() {
        return transfers.isEmpty() ? receivedDate : transfers.get(transfers.size() - 1).date();
    }

    /** The date this LA became responsible after a transfer in; null when the case never moved. */
    public LocalDate transferredInDate() {
        return transfers.isEmpty() ? null : transfers.get(transfers.size() - 1).date();
    }

    /** Reg 5: the decision whether to assess is due 6 weeks after the clock start; null for a re-assessment (no such limit). */
    public LocalDate decisionDue() {
        return clockStart() == null || reassessment() ? null : StatutoryClock.decisionToAssessDue(clockStart());
    }

    /**
     * The final plan's due date: Reg 13(2), 20 weeks (140 days) after the clock start; for a re-assessment Reg 27,
     * 14 weeks (98 days).
     */
    public LocalDate finalPlanDue() {
        if (clockStart() == null) {
            return null;
        }
        return reassessment() ? StatutoryClock.reassessmentFinalPlanDue(clockStart()) : StatutoryClock.finalPlanDue(clockStart());
    }

    /**
     * Reg 10: the decision not to issue a plan after assessment is due 16 weeks after the clock start; null for a
     * re-assessment (its only limit is the 14-week final plan).
     */
    public LocalDate noPlanDecisionDue() {
        return clockStart() == null || reassessment() ? null : StatutoryClock.noPlanDecisionDue(clockStart());
    }

    /** The limits an exception can be recorded against for this case's kind of request. */
    public java.util.Set<StatutoryLimit> limits() {
        return reassessment() ? java.util.EnumSet.of(StatutoryLimit.FINAL_PLAN_14_WEEKS_REASSESSMENT)
                : java.util.EnumSet.of(StatutoryLimit.DECISION_6_WEEKS, StatutoryLimit.NO_PLAN_16_WEEKS,
                        StatutoryLimit.FINAL_PLAN_20_WEEKS);
    }

    // ---- exceptions and disputes -----------------------------------------------------------------------------

    /** The exception with this id, withdrawn or not. */
    public Optional<CaseException> exception(UUID exceptionId) {
        return exceptions.stream().filter(x -> x.exceptionId().equals(exceptionId)).findFirst();
    }

    /** The dispute with this id. */
    public Optional<Dispute> dispute(UUID disputeId) {
        return disputes.stream().filter(d -> d.disputeId().equals(disputeId)).findFirst();
    }

    /**
     * SEN2's single Week20 flag "exceptions apply": true when at least one exception to the 20-week limit
     * that was not withdrawn (recorded in error) applies during the clock now running, i.e. its period
     * reaches the clock start or later (an exception that ended before a transfer in restarted the clock
     * no longer applies). Exceptions to the 6- and 16-week limits do not set it.
     */
    public boolean exceptionsApply() {
        LocalDate start = clockStart();
        return exceptions.stream().anyMatch(x -> !x.withdrawn() && x.limit() == StatutoryLimit.FINAL_PLAN_20_WEEKS
                && start != null && x.reaches(start));
    }

    /** A mediation or appeal at this stage that has no outcome yet. */
    public boolean hasOpenDispute(DisputeStage stage) {
        return disputes.stream().anyMatch(d -> d.stage() == stage && !d.resolved());
    }

    /**
     * Closed: nothing more can happen to the request itself (no exception, no transfer): withdrawn, concluded
     * without a plan, or refused with no open dispute about the refusal. A case concluded ISSUE_PLAN stays open
     * until the final plan (plan-service's), since the 20-week limit runs until then.
     */
    public boolean closed() {
        return switch (status) {
            case WITHDRAWN, CONCLUDED_NO_PLAN -> true;
            case REFUSED -> !hasOpenDispute(DisputeStage.REFUSAL_TO_ASSESS);
            default -> false;
        };
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private CaseState withExceptions(List<CaseException> next) {
        return new CaseState(caseId, localAuthorityCode, childRef, requestedBy, requestKind, yearGroup, receivedDate, status, decisions,
                withdrawnDate, outcome, conclusionDate, transfers, next, disputes, personalDetailsErasedDate);
    }

    private CaseState withDisputes(List<Dispute> next) {
        return new CaseState(caseId, localAuthorityCode, childRef, requestedBy, requestKind, yearGroup, receivedDate, status, decisions,
                withdrawnDate, outcome, conclusionDate, transfers, exceptions, next, personalDetailsErasedDate);
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> next = new ArrayList<>(list);
        next.add(item);
        return next;
    }

    private static <T> List<T> replace(List<T> list, Predicate<T> which, UnaryOperator<T> change,
                                       String unknown) {
        List<T> next = new ArrayList<>(list.size());
        boolean found = false;
        for (T item : list) {
            if (which.test(item)) {
                next.add(change.apply(item));
                found = true;
            } else {
                next.add(item);
            }
        }
        if (!found) {
            throw new IllegalStateException(unknown);
        }
        return next;
    }
}
