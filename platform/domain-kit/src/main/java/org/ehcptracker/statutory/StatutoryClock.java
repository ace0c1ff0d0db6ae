package org.ehcptracker.statutory;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.ehcptracker.contracts.assessment.StatutoryLimit;

/**
 * Every statutory deadline of the EHCP process (SEND Regulations 2014, SI 2014/1530), as pure
 * functions of the dates callers pass: no system clock, so replaying events gives the same dates.
 *
 * <p>Day counting: the start date is day 0 and limits run in calendar days, with no working-day
 * or bank-holiday adjustment at either end. A deadline is the last day on which the act is still
 * in time ("within 6 weeks" of a Monday ends on the Monday 6 weeks later). See
 * docs/statutory-clock.md for the reasoning and the hand-worked cases.
 */
public final class StatutoryClock {

    /** The 20-week limit in days: a plan issued on day 140 or earlier is in time. */
    public static final int FINAL_PLAN_LIMIT_DAYS = 20 * 7;

    private StatutoryClock() {
    }

    /** Reg 5: decision whether to assess, 6 weeks from receipt of the request. */
    public static LocalDate decisionToAssessDue(LocalDate clockStart) {
        return req(clockStart, "clockStart").plusWeeks(6);
    }

    /** Reg 8(1): advice due 6 weeks from the day the agency received the request. */
    public static LocalDate adviceDue(LocalDate adviceRequested) {
        return req(adviceRequested, "adviceRequested").plusWeeks(6);
    }

    /** Reg 10: decision not to issue a plan after assessment, 16 weeks from receipt. */
    public static LocalDate noPlanDecisionDue(LocalDate clockStart) {
        return req(clockStart, "clockStart").plusWeeks(16);
    }

    /** Reg 13(2): final plan, 20 weeks (140 days) from receipt. */
    public static LocalDate finalPlanDue(LocalDate clockStart) {
        return req(clockStart, "clockStart").plusDays(FINAL_PLAN_LIMIT_DAYS);
    }

    /** Reg 27: final plan after re-assessment of an existing plan, 14 weeks from the request. */
    public static LocalDate reassessmentFinalPlanDue(LocalDate clockStart) {
        return req(clockStart, "clockStart").plusWeeks(14);
    }

    /** Reg 13(1): the family's comment period on the draft ends 15 days after it is issued. */
    public static LocalDate parentCommentsDue(LocalDate draftIssued) {
        return req(draftIssued, "draftIssued").plusDays(15);
    }

    /** Code of Practice 9.83: a consulted school should answer within 15 days. */
    public static LocalDate consultationResponseDue(LocalDate consulted) {
        return req(consulted, "consulted").plusDays(15);
    }

    /**
     * Children and Families Act 2014 s.44(1): a review at least every 12 months from the plan's
     * issue or the last review meeting. Java month arithmetic: a start of 29 February gives
     * 28 February the next year (never 1 March, which would be a day late).
     */
    public static LocalDate annualReviewDue(LocalDate planIssuedOrLastReviewMeeting) {
        return req(planIssuedOrLastReviewMeeting, "planIssuedOrLastReviewMeeting").plusMonths(12);
    }

    /** Reg 20(10): the LA's keep/amend/cease decision, 4 weeks from the review meeting. */
    public static LocalDate reviewDecisionDue(LocalDate meeting) {
        return req(meeting, "meeting").plusWeeks(4);
    }

    /**
     * Reg 22: the amended plan is due 8 weeks from the proposed amendments, but never later than
     * 12 weeks from the review meeting (the cap as stated in DOMAIN.md). The cap bites only when
     * the decision came late (after the 4 weeks), which is when a family would otherwise wait
     * longest.
     */
    public static LocalDate amendedPlanDue(LocalDate proposalDate, LocalDate meetingDate) {
        req(proposalDate, "proposalDate");
        req(meetingDate, "meetingDate");
        if (proposalDate.isBefore(meetingDate)) {
            throw new IllegalArgumentException("proposal " + proposalDate + " is before the meeting " + meetingDate);
        }
        LocalDate eightWeeksFromProposal = proposalDate.plusWeeks(8);
        LocalDate twelveWeeksFromMeeting = meetingDate.plusWeeks(12);
        return eightWeeksFromProposal.isBefore(twelveWeeksFromMeeting) ? eightWeeksFromProposal : twelveWeeksFromMeeting;
    }

    /** Reg 18: the amended plan naming the new setting is due by a fixed date in the year of the move. */
    public static LocalDate phaseTransferDeadline(int yearOfMove, PhaseTransfer kind) {
        return Objects.requireNonNull(kind, "kind").deadline().atYear(yearOfMove);
    }

    /** The due date of an assessment-stage limit that an exception can be recorded against. */
    public static LocalDate due(StatutoryLimit limit, LocalDate clockStart) {
        return switch (Objects.requireNonNull(limit, "limit")) {
            case DECISION_6_WEEKS -> decisionToAssessDue(clockStart);
            case NO_PLAN_16_WEEKS -> noPlanDecisionDue(clockStart);
            case FINAL_PLAN_20_WEEKS -> finalPlanDue(clockStart);
            case FINAL_PLAN_14_WEEKS_REASSESSMENT -> reassessmentFinalPlanDue(clockStart);
        };
    }

    /** The DfE 20-week measure: issued on or before day 140, counting the day of receipt as day 0. */
    public static boolean issuedWithin20Weeks(LocalDate clockStart, LocalDate issued) {
        return daysElapsed(clockStart, issued) <= FINAL_PLAN_LIMIT_DAYS;
    }

    /** Weeks from receipt to issue, as reported to improvement boards (e.g. 44.5). */
    public static double weeksToIssue(LocalDate clockStart, LocalDate issued) {
        return daysElapsed(clockStart, issued) / 7.0;
    }

    /** Calendar days from the clock start (day 0) to {@code to}; rejects a date before the start. */
    public static long daysElapsed(LocalDate clockStart, LocalDate to) {
        req(clockStart, "clockStart");
        req(to, "to");
        if (to.isBefore(clockStart)) {
            throw new IllegalArgumentException(to + " is before the clock start " + clockStart);
        }
        return ChronoUnit.DAYS.between(clockStart, to);
    }

    private static LocalDate req(LocalDate date, String name) {
        return Objects.requireNonNull(date, name);
    }
}
