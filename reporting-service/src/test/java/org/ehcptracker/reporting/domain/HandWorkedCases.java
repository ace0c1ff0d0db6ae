package org.ehcptracker.reporting.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.StatutoryLimit;

/**
 * The hand-worked cases of docs/reporting.md, as the events each service would publish. Every day
 * count is worked out by hand in the comment beside it (day 0 = the clock start).
 */
public final class HandWorkedCases {

    private HandWorkedCases() {
    }

    /** Case A: received 2025-01-06, final plan 2025-05-19. */
    public static List<IntegrationEvent> caseA(Events c) {
        // 2025-01-06 -> 2025-05-19: Jan 6->Feb 6 31, ->Mar 6 28, ->Apr 6 31, ->May 6 30, ->May 19 13
        //   = 133 days = 19.0 weeks: within 20 weeks
        return List.of(
                c.requested(LocalDate.parse("2025-01-06")),
                c.decided(LocalDate.parse("2025-02-10"), AssessmentDecision.ASSESS),
                c.concluded(LocalDate.parse("2025-04-14"), AssessmentOutcome.ISSUE_PLAN),
                c.finalPlan(LocalDate.parse("2025-05-19"), LocalDate.parse("2025-01-06")));
    }

    /** Case B: received 2025-01-13, final plan 2025-07-07. */
    public static List<IntegrationEvent> caseB(Events c) {
        // 2025-01-13 -> 2025-07-07: Jan 13->Feb 13 31, ->Mar 13 28, ->Apr 13 31, ->May 13 30, ->Jun 13 31,
        //   ->Jul 13 30 = 181, minus 6 (Jul 7 is 6 days before Jul 13) = 175 days = 25.0 weeks: late
        return List.of(
                c.requested(LocalDate.parse("2025-01-13")),
                c.decided(LocalDate.parse("2025-02-24"), AssessmentDecision.ASSESS),
                c.finalPlan(LocalDate.parse("2025-07-07"), LocalDate.parse("2025-01-13")));
    }

    /** Case C: received 2025-01-20, still open. */
    public static List<IntegrationEvent> caseC(Events c) {
        // as of 2025-08-25: Jan 20->Feb 20 31, ->Mar 20 28, ->Apr 20 31, ->May 20 30, ->Jun 20 31, ->Jul 20 30,
        //   ->Aug 20 31 = 212, +5 = 217 days = 31.0 weeks open: past 20 (>140) and 30 (>210), not 52 (>364)
        return List.of(
                c.requested(LocalDate.parse("2025-01-20")),
                c.decided(LocalDate.parse("2025-03-03"), AssessmentDecision.ASSESS));
    }

    /** Case with a 20-week exception: received 2025-02-03, final plan 2025-07-21. */
    public static List<IntegrationEvent> exceptionCase(Events c) {
        // 2025-02-03 -> 2025-07-21: Feb 3->Mar 3 28, ->Apr 3 31, ->May 3 30, ->Jun 3 31, ->Jul 3 30 = 150,
        //   +18 = 168 days = 24.0 weeks: late, but a 20-week exception applies
        return List.of(
                c.requested(LocalDate.parse("2025-02-03")),
                c.exception(LocalDate.parse("2025-06-02"), StatutoryLimit.FINAL_PLAN_20_WEEKS),
                c.finalPlan(LocalDate.parse("2025-07-21"), LocalDate.parse("2025-02-03")));
    }

    /**
     * The exception case with its exception withdrawn as recorded in error (2025-07-01, before the plan) and a
     * 6-week exception that never counted: the same 168 days, late, and no 20-week exception applies.
     */
    public static List<IntegrationEvent> exceptionWithdrawnCase(Events c) {
        var recorded = c.exception(LocalDate.parse("2025-06-02"), StatutoryLimit.FINAL_PLAN_20_WEEKS);
        return List.of(
                c.requested(LocalDate.parse("2025-02-03")),
                c.exception(LocalDate.parse("2025-02-10"), StatutoryLimit.DECISION_6_WEEKS),
                recorded,
                c.exceptionWithdrawn(LocalDate.parse("2025-07-01"), recorded),
                c.finalPlan(LocalDate.parse("2025-07-21"), LocalDate.parse("2025-02-03")));
    }

    /** Case that went to mediation: received 2025-02-10, final plan 2025-06-02. */
    public static List<IntegrationEvent> mediationCase(Events c) {
        // 2025-02-10 -> 2025-06-02: Feb 10->Mar 10 28, ->Apr 10 31, ->May 10 30, ->Jun 2 23 = 112 days
        //   = 16.0 weeks: within, but excluded from both measures
        return List.of(
                c.requested(LocalDate.parse("2025-02-10")),
                c.mediation(LocalDate.parse("2025-03-17")),
                c.finalPlan(LocalDate.parse("2025-06-02"), LocalDate.parse("2025-02-10")));
    }

    /**
     * Transfer-in case issued: received by LA 850 on 2025-01-06, responsibility moved to {@code c.la()} on
     * 2025-03-03, final plan 2025-07-14.
     */
    public static List<IntegrationEvent> transferredInIssued(Events c) {
        Events previous = new Events(c.caseId(), "850");
        // from the transfer: 2025-03-03 -> 2025-07-14: Mar 3->Apr 3 31, ->May 3 30, ->Jun 3 31, ->Jul 3 30 = 122,
        //   +11 = 133 days = 19.0 weeks: within.
        // (from the original request it would be 2025-01-06 -> 2025-07-14 = 133 + 56 (Jan 6->Mar 3: 25+28+3)
        //   = 189 days = 27.0 weeks: late)
        return List.of(
                previous.requested(LocalDate.parse("2025-01-06")),
                c.transferredIn(LocalDate.parse("2025-03-03"), "850"),
                c.finalPlan(LocalDate.parse("2025-07-14"), LocalDate.parse("2025-03-03")));
    }

    /** Transfer-in case still open: received by LA 850 on 2024-10-01, transferred in on 2025-06-02. */
    public static List<IntegrationEvent> transferredInOpen(Events c) {
        Events previous = new Events(c.caseId(), "850");
        // as of 2025-08-25 from the transfer: Jun 2->Jul 2 30, ->Aug 2 31, ->Aug 25 23 = 84 days = 12.0 weeks:
        //   not past 20. (From 2024-10-01 it would be 328 days, past 20 and 30 weeks.)
        return List.of(
                previous.requested(LocalDate.parse("2024-10-01")),
                c.transferredIn(LocalDate.parse("2025-06-02"), "850"));
    }

    /** Refusal overturned: received 2025-01-20, refused 2025-03-03, tribunal 2025-03-24, assess 2025-05-12, open. */
    public static List<IntegrationEvent> overturnedRefusal(Events c) {
        // refused on day 42 (Jan 20->Feb 20 31, ->Mar 3 11); reopened on day 112 (Jan 20->Apr 20 90, ->May 12 22)
        return List.of(
                c.requested(LocalDate.parse("2025-01-20")),
                c.decided(LocalDate.parse("2025-03-03"), AssessmentDecision.REFUSE),
                c.dispute(LocalDate.parse("2025-03-24"), org.ehcptracker.contracts.assessment.DisputeKind.TRIBUNAL,
                        org.ehcptracker.contracts.assessment.DisputeStage.REFUSAL_TO_ASSESS),
                c.decided(LocalDate.parse("2025-05-12"), AssessmentDecision.ASSESS));
    }

    public static CaseProgress row(Events c, List<IntegrationEvent> events) {
        CaseProgress p = CaseProgress.empty(c.caseId());
        for (IntegrationEvent e : events) {
            p = p.apply(e);
        }
        return p;
    }

    public static CaseProgress row(String la, java.util.function.Function<Events, List<IntegrationEvent>> kase) {
        Events c = new Events(UUID.randomUUID(), la);
        return row(c, kase.apply(c));
    }
}
