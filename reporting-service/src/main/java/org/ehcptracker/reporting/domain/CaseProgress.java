package org.ehcptracker.reporting.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.assessment.AssessmentConcluded;
import org.ehcptracker.contracts.assessment.AssessmentDecided;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.DisputeStage;
import org.ehcptracker.contracts.assessment.ExceptionRecorded;
import org.ehcptracker.contracts.assessment.ExceptionWithdrawn;
import org.ehcptracker.contracts.assessment.MediationOrTribunalRecorded;
import org.ehcptracker.contracts.assessment.RequestKind;
import org.ehcptracker.contracts.assessment.RequestWithdrawn;
import org.ehcptracker.contracts.assessment.ResponsibilityTransferredIn;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.statutory.StatutoryClock;
import org.ehcptracker.contracts.plan.FinalPlanIssued;

/**
 * One case as the reporting read model sees it (a row of {@code case_progress}).
 *
 * <p>Events of one case arrive from three topics with no order between them (a FinalPlanIssued
 * may come before the AssessmentRequested), and a rebuild may replay them in yet another order.
 * So {@link #apply} is a merge in which every event sets only its own fields, and where two events
 * set the same field the winner is chosen by the events' own dates, never by arrival: applying the
 * same set of events in any order gives the same row. Status, clock start and the 20-week figures
 * are derived from those fields, not stored facts.
 *
 * @param localAuthorityCode the responsible LA: the one a transfer-in names; otherwise the case's events' LA
 * @param receivedDate AssessmentRequested.businessDate: the day the request was received
 * @param transferredInDate the latest ResponsibilityTransferredIn.businessDate: the clock restarts there
 * @param decision the latest decision whether to assess (by decision date)
 * @param withdrawnDate the earliest RequestWithdrawn.businessDate
 * @param assessmentOutcome the latest AssessmentConcluded outcome (by its date)
 * @param finalPlanIssuedDate FinalPlanIssued.businessDate (the earliest, should there be two)
 * @param issueClockStart FinalPlanIssued.requestReceivedDate: the clock start the plan-service counted from
 * @param mediationOrTribunal any MediationOrTribunalRecorded seen (whatever its stage; shown, not used by the measure)
 * @param twentyWeekExceptionIds the ids of every ExceptionRecorded against the 20-week limit seen
 * @param withdrawnExceptionIds the ids of every ExceptionWithdrawn seen (of any limit: the event does not
 *        name it, and may arrive before the exception it withdraws)
 * @param refusedDate the latest AssessmentDecided REFUSE date (a later ASSESS may have overturned it)
 * @param refusalDisputeDate the earliest registration date of a dispute at stage REFUSAL_TO_ASSESS or
 *        REFUSAL_TO_ISSUE_PLAN: the date that decides whether the assessment leaves the 20-week measure
 * @param requestKind AssessmentRequested.requestKind; null until the request is seen (then counted as initial)
 */
public record CaseProgress(UUID caseId,
        String localAuthorityCode,
        LocalDate receivedDate,
        LocalDate transferredInDate,
        AssessmentDecision decision,
        LocalDate decisionDate,
        LocalDate withdrawnDate,
        AssessmentOutcome assessmentOutcome,
        LocalDate assessmentOutcomeDate,
        LocalDate finalPlanIssuedDate,
        LocalDate issueClockStart,
        boolean mediationOrTribunal,
        Set<UUID> twentyWeekExceptionIds,
        Set<UUID> withdrawnExceptionIds,
        LocalDate refusedDate,
        LocalDate refusalDisputeDate,
        RequestKind requestKind) {

    public CaseProgress {
        Objects.requireNonNull(caseId, "caseId");
        twentyWeekExceptionIds = twentyWeekExceptionIds == null ? Set.of() : Set.copyOf(twentyWeekExceptionIds);
        withdrawnExceptionIds = withdrawnExceptionIds == null ? Set.of() : Set.copyOf(withdrawnExceptionIds);
    }

    /** A case nothing is known about yet. */
    public static CaseProgress empty(UUID caseId) {
        return new CaseProgress(caseId, null, null, null, null, null, null, null, null, null, null, false, Set.of(), Set.of(), null, null, null);
    }

    /** Whether the event changes this projection at all (assessment events and FinalPlanIssued). */
    public static boolean isAffectedBy(IntegrationEvent event) {
        return event instanceof AssessmentEvent || event instanceof FinalPlanIssued;
    }

    /** This case with the event merged in; commutative, so arrival order does not matter. */
    public CaseProgress apply(IntegrationEvent event) {
        if (!event.caseId().equals(caseId)) {
            throw new IllegalArgumentException("event " + event.eventId() + " is for case " + event.caseId()
                    + ", not " + caseId);
        }
        CaseProgress c = this;
        // A transfer-in names the LA now responsible; other events only fill the LA in when none is known.
        String la = localAuthorityCode != null ? localAuthorityCode : event.localAuthorityCode();
        if (event instanceof AssessmentRequested e) {
            return c.with(la).withReceived(e.businessDate()).withRequestKind(e.requestKind());
        }
        if (event instanceof ResponsibilityTransferredIn e) {
            // the latest transfer-in wins; an older one arriving late changes nothing
            return transferredInDate != null && transferredInDate.isAfter(e.businessDate())
                    ? c
                    : c.with(e.localAuthorityCode()).withTransferredIn(e.businessDate());
        }
        if (event instanceof AssessmentDecided e) {
            return c.with(la).withDecision(e.decision(), e.businessDate());
        }
        if (event instanceof RequestWithdrawn e) {
            return c.with(la).withWithdrawn(e.businessDate());
        }
        if (event instanceof AssessmentConcluded e) {
            return c.with(la).withOutcome(e.outcome(), e.businessDate());
        }
        if (event instanceof MediationOrTribunalRecorded e) {
            return c.with(la).withMediation(e.stage(), e.businessDate());
        }
        if (event instanceof ExceptionRecorded e) {
            // SEN2's Week20 flag: only exceptions to the 20-week limit count
            return e.limit() == StatutoryLimit.FINAL_PLAN_20_WEEKS
                    ? c.with(la).withExceptionIds(plus(twentyWeekExceptionIds, e.exceptionId()), withdrawnExceptionIds)
                    : c.with(la);
        }
        if (event instanceof ExceptionWithdrawn e) {
            // recorded in error: it counts for nothing, whichever of the two events arrives first
            return c.with(la).withExceptionIds(twentyWeekExceptionIds, plus(withdrawnExceptionIds, e.exceptionId()));
        }
        if (event instanceof FinalPlanIssued e) {
            return c.with(la).withFinalPlan(e.businessDate(), e.requestReceivedDate());
        }
        return c;
    }

    // ---- derived -------------------------------------------------------------------------------

    /**
     * SEN2's Week20 flag as the measure uses it: at least one exception against the 20-week limit that has not
     * been withdrawn as recorded in error. (A correction only moves an exception's end date; it never clears it.)
     */
    public boolean has20WeekException() {
        return twentyWeekExceptionIds.stream().anyMatch(id -> !withdrawnExceptionIds.contains(id));
    }

    /** Day 0 of the 20-week clock: the transfer-in date when there is one, else the date received. */
    public LocalDate clockStart() {
        return transferredInDate != null ? transferredInDate : receivedDate;
    }

    /** Precedence: a final plan, then no plan, then withdrawal, then a refusal; otherwise open. */
    public CaseStatus status() {
        if (finalPlanIssuedDate != null) {
            return CaseStatus.PLAN_ISSUED;
        }
        if (assessmentOutcome == AssessmentOutcome.NO_PLAN) {
            return CaseStatus.NO_PLAN;
        }
        if (withdrawnDate != null) {
            return CaseStatus.WITHDRAWN;
        }
        if (decision == AssessmentDecision.REFUSE) {
            return CaseStatus.REFUSED;
        }
        return CaseStatus.OPEN;
    }

    /** The date the case stopped being open (the date of the event behind {@link #status()}); null while open. */
    public LocalDate closedDate() {
        return switch (status()) {
            case PLAN_ISSUED -> finalPlanIssuedDate;
            case NO_PLAN -> assessmentOutcomeDate;
            case WITHDRAWN -> withdrawnDate;
            case REFUSED -> decisionDate;
            case OPEN -> null;
        };
    }

    /**
     * Open on {@code date}: its clock had started on or before it and it had not closed by then
     * (closed on that very day counts as closed). For a date on or after every event of the case
     * this is exactly "status OPEN with clock start on or before the date".
     */
    public boolean openOn(LocalDate date) {
        LocalDate start = clockStart();
        LocalDate closed = closedDate();
        return start != null && !start.isAfter(date) && (closed == null || closed.isAfter(date)) && !refusedOn(date);
    }

    /**
     * Whether the decision that held on {@code date} was a refusal: refused on or before it, and not yet
     * overturned by a decision to assess dated after the refusal and on or before {@code date} (same day:
     * the decision to assess wins, as in the merge).
     */
    public boolean refusedOn(LocalDate date) {
        if (refusedDate == null || refusedDate.isAfter(date)) {
            return false;
        }
        boolean reopened = decision == AssessmentDecision.ASSESS && decisionDate != null
                && !decisionDate.isBefore(refusedDate) && !decisionDate.isAfter(date);
        return !reopened;
    }

    /**
     * Whether the assessment leaves the SEN2 20-week measure: a dispute about a refusal to assess or a refusal
     * to issue a plan was registered on or before the final plan's issue date. A PLAN_CONTENTS dispute, or any
     * dispute registered after the issue date, changes nothing, so figures already reported are not rewritten.
     */
    public boolean excludedFromTimeliness() {
        return refusalDisputeDate != null && finalPlanIssuedDate != null && !refusalDisputeDate.isAfter(finalPlanIssuedDate);
    }

    /** Calendar days from issueClockStart (day 0) to the final plan; null until a final plan is issued. */
    public Integer daysToIssue() {
        return finalPlanIssuedDate == null ? null
                : Math.toIntExact(StatutoryClock.daysElapsed(issueClockStart, finalPlanIssuedDate));
    }

    /** The DfE 20-week measure for this plan (day 140 or earlier); null until a final plan is issued. */
    public Boolean within20Weeks() {
        return finalPlanIssuedDate == null ? null
                : StatutoryClock.issuedWithin20Weeks(issueClockStart, finalPlanIssuedDate);
    }

    /**
     * An initial request for an EHC needs assessment, the only kind the DfE's measures count (SEN2): not a
     * re-assessment (Reg 27). A case whose request has not been seen yet counts as initial.
     */
    public boolean initialRequest() {
        return requestKind != RequestKind.REASSESSMENT;
    }

    /** A re-assessment of a child who already has a plan (Reg 27): its own 14-week limit, out of the DfE measures. */
    public boolean reassessment() {
        return requestKind == RequestKind.REASSESSMENT;
    }

    // ---- merge helpers: each sets only its own fields -------------------------------------------

    private CaseProgress withRequestKind(RequestKind kind) {
        // one request per case; should two disagree, REASSESSMENT wins (order-free: an enum's max)
        RequestKind k = requestKind == null || (kind != null && kind.compareTo(requestKind) > 0) ? kind : requestKind;
        return new CaseProgress(caseId, localAuthorityCode, receivedDate, transferredInDate, decision, decisionDate,
                withdrawnDate, assessmentOutcome, assessmentOutcomeDate, finalPlanIssuedDate, issueClockStart,
                mediationOrTribunal, twentyWeekExceptionIds, withdrawnExceptionIds, refusedDate, refusalDisputeDate, k);
    }

    private CaseProgress with(String la) {
        return new CaseProgress(caseId, la, receivedDate, transferredInDate, decision, decisionDate, withdrawnDate,
                assessmentOutcome, assessmentOutcomeDate, finalPlanIssuedDate, issueClockStart, mediationOrTribunal,
                twentyWeekExceptionIds, withdrawnExceptionIds, refusedDate, refusalDisputeDate, requestKind);
    }

    private CaseProgress withReceived(LocalDate date) {
        // one request per case; should two arrive, the earlier date wins
        LocalDate d = earliest(receivedDate, date);
        return new CaseProgress(caseId, localAuthorityCode, d, transferredInDate, decision, decisionDate,
                withdrawnDate, assessmentOutcome, assessmentOutcomeDate, finalPlanIssuedDate, issueClockStart,
                mediationOrTribunal, twentyWeekExceptionIds, withdrawnExceptionIds, refusedDate, refusalDisputeDate, requestKind);
    }

    private CaseProgress withTransferredIn(LocalDate date) {
        return new CaseProgress(caseId, localAuthorityCode, receivedDate, date, decision, decisionDate,
                withdrawnDate, assessmentOutcome, assessmentOutcomeDate, finalPlanIssuedDate, issueClockStart,
                mediationOrTribunal, twentyWeekExceptionIds, withdrawnExceptionIds, refusedDate, refusalDisputeDate, requestKind);
    }

    private CaseProgress withDecision(AssessmentDecision d, LocalDate date) {
        // every refusal's date is kept (the latest), so that a past day can tell whether the case stood refused then
        LocalDate refused = d == AssessmentDecision.REFUSE ? latest(refusedDate, date) : refusedDate;
        // the latest decision stands (a refusal may be reversed); same day: ASSESS beats REFUSE
        boolean replaces = decisionDate == null || date.isAfter(decisionDate)
                || (date.equals(decisionDate) && d.compareTo(decision) < 0);
        return new CaseProgress(caseId, localAuthorityCode, receivedDate, transferredInDate, replaces ? d : decision,
                replaces ? date : decisionDate, withdrawnDate, assessmentOutcome, assessmentOutcomeDate,
                finalPlanIssuedDate, issueClockStart, mediationOrTribunal, twentyWeekExceptionIds, withdrawnExceptionIds, refused, refusalDisputeDate, requestKind);
    }

    private CaseProgress withWithdrawn(LocalDate date) {
        return new CaseProgress(caseId, localAuthorityCode, receivedDate, transferredInDate, decision, decisionDate,
                earliest(withdrawnDate, date), assessmentOutcome, assessmentOutcomeDate, finalPlanIssuedDate,
                issueClockStart, mediationOrTribunal, twentyWeekExceptionIds, withdrawnExceptionIds, refusedDate, refusalDisputeDate, requestKind);
    }

    private CaseProgress withOutcome(AssessmentOutcome o, LocalDate date) {
        // the latest conclusion stands; same day: ISSUE_PLAN beats NO_PLAN
        boolean replaces = assessmentOutcomeDate == null || date.isAfter(assessmentOutcomeDate)
                || (date.equals(assessmentOutcomeDate) && o.compareTo(assessmentOutcome) < 0);
        if (!replaces) {
            return this;
        }
        return new CaseProgress(caseId, localAuthorityCode, receivedDate, transferredInDate, decision, decisionDate,
                withdrawnDate, o, date, finalPlanIssuedDate, issueClockStart, mediationOrTribunal,
                twentyWeekExceptionIds, withdrawnExceptionIds, refusedDate, refusalDisputeDate, requestKind);
    }

    private CaseProgress withMediation(DisputeStage stage, LocalDate registered) {
        // only a dispute about a refusal (to assess, or to issue a plan) can take the assessment out of the measure;
        // the earliest such registration decides (docs/reporting.md, "The measures")
        LocalDate d = stage == DisputeStage.PLAN_CONTENTS ? refusalDisputeDate : earliest(refusalDisputeDate, registered);
        return new CaseProgress(caseId, localAuthorityCode, receivedDate, transferredInDate, decision, decisionDate,
                withdrawnDate, assessmentOutcome, assessmentOutcomeDate, finalPlanIssuedDate, issueClockStart, true,
                twentyWeekExceptionIds, withdrawnExceptionIds, refusedDate, d, requestKind);
    }

    private CaseProgress withExceptionIds(Set<UUID> twentyWeek, Set<UUID> withdrawn) {
        return new CaseProgress(caseId, localAuthorityCode, receivedDate, transferredInDate, decision, decisionDate,
                withdrawnDate, assessmentOutcome, assessmentOutcomeDate, finalPlanIssuedDate, issueClockStart,
                mediationOrTribunal, twentyWeek, withdrawn, refusedDate, refusalDisputeDate, requestKind);
    }

    private static Set<UUID> plus(Set<UUID> ids, UUID id) {
        Set<UUID> s = new HashSet<>(ids);
        s.add(id);
        return s;
    }

    private CaseProgress withFinalPlan(LocalDate issued, LocalDate clockStart) {
        // one final plan per case; should two arrive, the earlier issue (then the earlier clock start) wins
        boolean replaces = finalPlanIssuedDate == null || issued.isBefore(finalPlanIssuedDate)
                || (issued.equals(finalPlanIssuedDate) && clockStart.isBefore(issueClockStart));
        if (!replaces) {
            return this;
        }
        return new CaseProgress(caseId, localAuthorityCode, receivedDate, transferredInDate, decision, decisionDate,
                withdrawnDate, assessmentOutcome, assessmentOutcomeDate, issued, clockStart, mediationOrTribunal,
                twentyWeekExceptionIds, withdrawnExceptionIds, refusedDate, refusalDisputeDate, requestKind);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
