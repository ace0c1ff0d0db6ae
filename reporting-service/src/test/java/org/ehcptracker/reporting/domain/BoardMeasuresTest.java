package org.ehcptracker.reporting.domain;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.DisputeKind;
import org.ehcptracker.contracts.assessment.DisputeStage;
import org.ehcptracker.reporting.domain.BoardMeasures.Backlog;
import org.ehcptracker.reporting.domain.BoardMeasures.TrendStep;
import org.ehcptracker.reporting.domain.BoardMeasures.TwentyWeeks;
import org.junit.jupiter.api.Test;

/** The board measures on the hand-worked cases of docs/reporting.md, "Board measures". Day 0 = the clock start. */
class BoardMeasuresTest {

    static final String LA = "931";

    static void assertWeeks(TwentyWeeks m, int issued, int within, String percent, String average, String median) {
        assertThat(m.plansIssued()).as("plans issued").isEqualTo(issued);
        assertThat(m.issuedWithin20Weeks()).as("within 20 weeks").isEqualTo(within);
        assertThat(m.percentWithin20Weeks()).as("percent").isEqualTo(dec(percent));
        assertThat(m.averageWeeksToIssue()).as("average weeks").isEqualTo(dec(average));
        assertThat(m.medianWeeksToIssue()).as("median weeks").isEqualTo(dec(median));
    }

    static BigDecimal dec(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    static List<CaseFile> fold(List<List<IntegrationEvent>> cases) {
        List<IntegrationEvent> all = new ArrayList<>();
        cases.forEach(all::addAll);
        return CaseFile.fold(all);
    }

    /** Received 2025-01-06; final plan on {@code issued}. */
    static List<IntegrationEvent> issued(Events c, LocalDate received, LocalDate issued) {
        return List.of(c.requested(received), c.decided(received.plusDays(35), AssessmentDecision.ASSESS),
                c.finalPlan(issued, received));
    }

    static List<List<IntegrationEvent>> fourPlans() {
        return List.of(
                // A: 2025-01-06 -> 2025-05-19 = 133 days (docs): within
                HandWorkedCases.caseA(Events.forNewCase(LA)),
                // B: 2025-01-13 -> 2025-07-07 = 175 days (docs): late
                HandWorkedCases.caseB(Events.forNewCase(LA)),
                // day 140: 2025-01-06 -> 2025-05-26 = A's 133 + 7 = 140: within
                issued(Events.forNewCase(LA), parse("2025-01-06"), parse("2025-05-26")),
                // day 141: 2025-01-06 -> 2025-05-27 = 141: late
                issued(Events.forNewCase(LA), parse("2025-01-06"), parse("2025-05-27")));
    }

    @Test
    void twentyWeeksWithMedianDay140InDay141Out() {
        var f = BoardMeasures.twentyWeeks(LA, parse("2025-01-01"), parse("2025-08-31"), fold(fourPlans()));
        // days 133, 140, 141, 175: within 2 (133, 140), 50.0%; average 589 / 28 = 21.04 -> 21.0;
        // median (140 + 141) / 14 = 20.07 -> 20.1
        assertWeeks(f.includingExceptions(), 4, 2, "50.0", "21.0", "20.1");
        assertWeeks(f.excludingExceptions(), 4, 2, "50.0", "21.0", "20.1");
    }

    @Test
    void byMonthAndRolling12Months() {
        var months = BoardMeasures.months(LA, parse("2025-05-01"), parse("2025-07-31"), fold(fourPlans()));
        assertThat(months).extracting(BoardMeasures.Month::month)
                .containsExactly(YearMonth.of(2025, 5), YearMonth.of(2025, 6), YearMonth.of(2025, 7));
        // May: A 133, day-140 140, day-141 141: 3 plans, 2 within, 66.7%, 414 / 21 = 19.71 -> 19.7, median 140/7 = 20.0
        assertWeeks(months.get(0).plans().excludingExceptions(), 3, 2, "66.7", "19.7", "20.0");
        // June: nothing issued; rolling 12 months (Jul 2024 - Jun 2025) = May's plans
        assertWeeks(months.get(1).plans().excludingExceptions(), 0, 0, null, null, null);
        assertWeeks(months.get(1).rolling12Months().excludingExceptions(), 3, 2, "66.7", "19.7", "20.0");
        // July: B 175 = 25.0 weeks; rolling 12 months (Aug 2024 - Jul 2025) = all four as above
        assertWeeks(months.get(2).plans().includingExceptions(), 1, 0, "0.0", "25.0", "25.0");
        assertWeeks(months.get(2).rolling12Months().includingExceptions(), 4, 2, "50.0", "21.0", "20.1");
    }

    @Test
    void exceptionLeavesOnlyExcludingAndMediationLeavesBoth() {
        var cases = new ArrayList<>(fourPlans());
        // exception case: 2025-02-03 -> 2025-07-21 = 168 days (docs), a 20-week exception
        cases.add(HandWorkedCases.exceptionCase(Events.forNewCase(LA)));
        // mediation case: 112 days, a REFUSAL_TO_ASSESS mediation registered before the issue: out of both
        cases.add(HandWorkedCases.mediationCase(Events.forNewCase(LA)));
        var f = BoardMeasures.twentyWeeks(LA, parse("2025-01-01"), parse("2025-08-31"), fold(cases));
        // including: 133, 140, 141, 168, 175: 5 plans, 2 within, 40.0%, 757 / 35 = 21.63 -> 21.6, median 141/7 = 20.1
        assertWeeks(f.includingExceptions(), 5, 2, "40.0", "21.6", "20.1");
        assertWeeks(f.excludingExceptions(), 4, 2, "50.0", "21.0", "20.1");
    }

    @Test
    void sundayReceiptAndLeapYear() {
        // Sunday 2025-01-05 -> Sunday 2025-05-25: Jan 5->Apr 5 31+28+31 = 90, ->May 5 30, ->May 25 20 = 140: within
        var sunday = issued(Events.forNewCase(LA), parse("2025-01-05"), parse("2025-05-25"));
        // 2024 is a leap year: 2024-01-15 -> 2024-06-03: Jan 15->Feb 15 31, ->Mar 15 29, ->Apr 15 31, ->May 15 30,
        //   ->Jun 3 19 = 140: within (in 2023 the same dates would be 139); 2024-06-04 is day 141: late
        var leapIn = issued(Events.forNewCase(LA), parse("2024-01-15"), parse("2024-06-03"));
        var leapOut = issued(Events.forNewCase(LA), parse("2024-01-15"), parse("2024-06-04"));
        var cases = fold(List.of(sunday, leapIn, leapOut));
        assertWeeks(BoardMeasures.twentyWeeks(LA, parse("2025-01-01"), parse("2025-12-31"), cases)
                .excludingExceptions(), 1, 1, "100.0", "20.0", "20.0");
        // 140 and 141 days: 281 / 14 = 20.07 -> 20.1 for both average and median
        assertWeeks(BoardMeasures.twentyWeeks(LA, parse("2024-01-01"), parse("2024-12-31"), cases)
                .excludingExceptions(), 2, 1, "50.0", "20.1", "20.1");
    }

    static void assertBacklog(Backlog b, int open, int past20, int past30, int past52, String avg, String median) {
        assertThat(b.open()).as("open").isEqualTo(open);
        assertThat(b.past20Weeks()).as("past 20").isEqualTo(past20);
        assertThat(b.past30Weeks()).as("past 30").isEqualTo(past30);
        assertThat(b.past52Weeks()).as("past 52").isEqualTo(past52);
        assertThat(b.averageWeeksOpen()).as("average").isEqualTo(dec(avg));
        assertThat(b.medianWeeksOpen()).as("median").isEqualTo(dec(median));
    }

    @Test
    void transferCountsForTheSendingCouncilUntilTheTransfer() {
        // received by 850 on 2024-10-01, transferred to 931 on 2025-06-02, open
        var cases = fold(List.of(HandWorkedCases.transferredInOpen(Events.forNewCase(LA))));
        // 2025-06-01, for 850: Oct 1->Nov 1 31, ->Dec 1 30, ->Jan 1 31, ->Feb 1 31, ->Mar 1 28, ->Apr 1 31, ->May 1 30,
        //   ->Jun 1 31 = 243 days = 34.7 weeks: past 20 and 30, not 52
        assertBacklog(BoardMeasures.backlog("850", parse("2025-06-01"), cases), 1, 1, 1, 0, "34.7", "34.7");
        assertBacklog(BoardMeasures.backlog(LA, parse("2025-06-01"), cases), 0, 0, 0, 0, null, null);
        // 2025-06-02: 931's from day 0; no longer 850's
        assertBacklog(BoardMeasures.backlog(LA, parse("2025-06-02"), cases), 1, 0, 0, 0, "0.0", "0.0");
        assertBacklog(BoardMeasures.backlog("850", parse("2025-06-02"), cases), 0, 0, 0, 0, null, null);
        // 2025-08-25: Jun 2->Jul 2 30, ->Aug 2 31, ->Aug 25 23 = 84 days = 12.0 weeks
        assertBacklog(BoardMeasures.backlog(LA, parse("2025-08-25"), cases), 1, 0, 0, 0, "12.0", "12.0");
        // all councils: the case once, whoever holds it
        assertThat(BoardMeasures.backlog(null, parse("2025-06-01"), cases).open()).isEqualTo(1);
    }

    @Test
    void overturnedRefusalWithdrawalAndNoPlanLeaveTheBacklogOnTheirDates() {
        Events refused = Events.forNewCase(LA);
        Events withdrawn = Events.forNewCase(LA);
        Events noPlan = Events.forNewCase(LA);
        var cases = fold(List.of(
                // received 2025-01-20, refused 2025-03-03, tribunal, assess 2025-05-12
                HandWorkedCases.overturnedRefusal(refused),
                // received 2025-02-03, withdrawn 2025-04-01
                List.of(withdrawn.requested(parse("2025-02-03")), withdrawn.withdrawn(parse("2025-04-01"))),
                // received 2025-01-06, assess 2025-02-10, no plan 2025-04-28
                List.of(noPlan.requested(parse("2025-01-06")), noPlan.decided(parse("2025-02-10"), AssessmentDecision.ASSESS),
                        noPlan.concluded(parse("2025-04-28"), AssessmentOutcome.NO_PLAN))));
        // 2025-03-02: refusal case Jan 20->Feb 20 31, ->Mar 2 10 = 41; withdrawn Feb 3->Mar 2 = 27; no plan
        //   Jan 6->Mar 2 = 25 + 28 + 2 = 55: 3 open, 123 / 21 = 5.86 -> 5.9, median 41/7 = 5.9
        assertBacklog(BoardMeasures.backlog(LA, parse("2025-03-02"), cases), 3, 0, 0, 0, "5.9", "5.9");
        // 2025-03-31: refusal holds (out); withdrawn Feb 3->Mar 3 28, ->Mar 31 28 = 56; no plan Jan 6->Mar 6 59,
        //   ->Mar 31 25 = 84: 2 open, 140 / 14 = 10.0
        assertBacklog(BoardMeasures.backlog(LA, parse("2025-03-31"), cases), 2, 0, 0, 0, "10.0", "10.0");
        // 2025-04-28: withdrawn (04-01) and no plan (on the day) closed; refusal still holds
        assertBacklog(BoardMeasures.backlog(LA, parse("2025-04-28"), cases), 0, 0, 0, 0, null, null);
        // 2025-05-12: overturned, back from its first day: Jan 20->Apr 20 90, ->May 12 22 = 112 = 16.0 weeks
        assertBacklog(BoardMeasures.backlog(LA, parse("2025-05-12"), cases), 1, 0, 0, 0, "16.0", "16.0");
    }

    @Test
    void backlogTrendByMonthAndWeek() {
        var cases = fold(List.of(HandWorkedCases.caseC(Events.forNewCase(LA))));
        // C received 2025-01-20, open: Jan 31 = 11 days, Feb 28 = 39, Mar 15 (to) = 54
        var trend = BoardMeasures.backlogTrend(LA, parse("2025-01-01"), parse("2025-03-15"), TrendStep.MONTH, cases);
        assertThat(trend).extracting(Backlog::asOf)
                .containsExactly(parse("2025-01-31"), parse("2025-02-28"), parse("2025-03-15"));
        assertThat(trend).extracting(Backlog::medianWeeksOpen).containsExactly(dec("1.6"), dec("5.6"), dec("7.7"));
        // weeks end on Sundays: 2025-01-19 (before the request: none), 01-26 (6 days), then to = 01-28 (8 days)
        var weekly = BoardMeasures.backlogTrend(LA, parse("2025-01-13"), parse("2025-01-28"), TrendStep.WEEK, cases);
        assertThat(weekly).extracting(Backlog::asOf)
                .containsExactly(parse("2025-01-19"), parse("2025-01-26"), parse("2025-01-28"));
        assertThat(weekly).extracting(Backlog::open).containsExactly(0, 1, 1);
    }

    @Test
    void decisionsWithin6WeeksDay42InDay43OutAndAnOverturnIsNotASecondDecision() {
        Events day43 = Events.forNewCase(LA);
        var cases = fold(List.of(
                // first decision: refusal 2025-03-03, Jan 20->Feb 20 31, ->Mar 3 11 = day 42: within
                //   (the decision to assess on 2025-05-12 is not counted again)
                HandWorkedCases.overturnedRefusal(Events.forNewCase(LA)),
                // received 2025-01-20, assess 2025-03-04 = day 43: late
                List.of(day43.requested(parse("2025-01-20")), day43.decided(parse("2025-03-04"), AssessmentDecision.ASSESS)),
                // A: 2025-01-06 -> assess 2025-02-10 = Jan 6->Feb 6 31, +4 = 35: within
                HandWorkedCases.caseA(Events.forNewCase(LA))));
        var march = BoardMeasures.decisions(LA, parse("2025-03-01"), parse("2025-03-31"), cases);
        assertThat(march).isEqualTo(new BoardMeasures.Decisions(2, 1, dec("50.0")));
        var spring = BoardMeasures.decisions(LA, parse("2025-01-01"), parse("2025-05-31"), cases);
        // 3 decisions, 2 within: 66.7%
        assertThat(spring).isEqualTo(new BoardMeasures.Decisions(3, 2, dec("66.7")));
    }

    @Test
    void noPlanDecisionsWithin16WeeksDay112InDay113Out() {
        Events onTime = Events.forNewCase(LA);
        Events late = Events.forNewCase(LA);
        var cases = fold(List.of(
                // 2025-01-06 -> 2025-04-28: Jan 6->Apr 6 31+28+31 = 90, +22 = 112: on time
                List.of(onTime.requested(parse("2025-01-06")), onTime.concluded(parse("2025-04-28"), AssessmentOutcome.NO_PLAN)),
                // -> 2025-04-29 = 113: late
                List.of(late.requested(parse("2025-01-06")), late.concluded(parse("2025-04-29"), AssessmentOutcome.NO_PLAN))));
        assertThat(BoardMeasures.noPlanDecisions(LA, parse("2025-04-01"), parse("2025-04-30"), cases))
                .isEqualTo(new BoardMeasures.NoPlanDecisions(2, 1, dec("50.0")));
    }

    /**
     * Case one's advice, received 2025-01-20: EP advice of EPS-931 requested 2025-03-03 (due + 42 = 2025-04-14),
     * submitted 04-10, sent back 04-11, submitted again 04-14: returned 2025-04-14 = day 42, within; health advice of
     * NHS-DORSET requested 03-03, returned 2025-04-15 = day 43: late.
     */
    static List<IntegrationEvent> caseOneAdvice(Events one) {
        AdviceRequested ep = one.adviceRequested(parse("2025-03-03"), AdviceType.EDUCATIONAL_PSYCHOLOGY, "EPS-931");
        AdviceRequested health = one.adviceRequested(parse("2025-03-03"), AdviceType.HEALTH, "NHS-DORSET");
        return List.of(one.requested(parse("2025-01-20")), ep, health,
                one.adviceSubmitted(parse("2025-04-10"), ep), one.adviceReworked(parse("2025-04-11"), ep),
                one.adviceSubmitted(parse("2025-04-14"), ep), one.adviceSubmitted(parse("2025-04-15"), health));
    }

    /**
     * Reg 6(4): existing advice reused instead of a new request is counted as reused, never as advice returned on
     * time or late. April 2025, council 931: case one's EP advice (requested 2025-03-03, returned 04-14, day 42:
     * within) and health advice (returned 04-15, day 43: late), as in the test below; case three's EP request to
     * EPS-931 of 2025-03-03 cancelled on 03-05 (existing advice reused) and the reuse of EPS-931's advice of
     * 2024-11-18 recorded on 2025-04-02; social care advice of SC-931 reused, recorded 2025-04-10 (an agency with
     * reuses only); a health reuse recorded 2025-05-06 (after April).
     */
    @Test
    void reusedAdviceIsCountedApartFromAdviceReturnedAndIsNoRequestOwed() {
        Events three = Events.forNewCase(LA);
        AdviceRequested dropped = three.adviceRequested(parse("2025-03-03"), AdviceType.EDUCATIONAL_PSYCHOLOGY, "EPS-931");
        var cases = fold(List.of(caseOneAdvice(Events.forNewCase(LA)),
                List.of(three.requested(parse("2025-01-20")), dropped, three.adviceCancelled(parse("2025-03-05"), dropped),
                        three.adviceReused(parse("2025-04-02"), AdviceType.EDUCATIONAL_PSYCHOLOGY, "EPS-931",
                                parse("2024-11-18")),
                        three.adviceReused(parse("2025-04-10"), AdviceType.SOCIAL_CARE, "SC-931", parse("2025-01-15")),
                        three.adviceReused(parse("2025-05-06"), AdviceType.HEALTH, "NHS-DORSET", parse("2025-02-03")))));
        var from = parse("2025-04-01");
        var to = parse("2025-04-30");
        // the returned figures exactly as without the reuses; reused beside them
        assertThat(BoardMeasures.adviceByAgency(LA, from, to, cases)).containsExactly(
                new BoardMeasures.AdviceFigures("EPS-931", 1, 1, dec("100.0"), dec("42.0"), 1),
                new BoardMeasures.AdviceFigures("NHS-DORSET", 1, 0, dec("0.0"), dec("43.0"), 0),
                new BoardMeasures.AdviceFigures("SC-931", 0, 0, null, null, 1));
        assertThat(BoardMeasures.adviceByType(LA, from, to, cases)).containsExactly(
                new BoardMeasures.AdviceFigures("EDUCATIONAL_PSYCHOLOGY", 1, 1, dec("100.0"), dec("42.0"), 1),
                new BoardMeasures.AdviceFigures("HEALTH", 1, 0, dec("0.0"), dec("43.0"), 0),
                new BoardMeasures.AdviceFigures("SOCIAL_CARE", 0, 0, null, null, 1));
        // May: the health reuse alone
        assertThat(BoardMeasures.adviceByAgency(LA, parse("2025-05-01"), parse("2025-05-31"), cases)).containsExactly(
                new BoardMeasures.AdviceFigures("NHS-DORSET", 0, 0, null, null, 1));
        // another council: none; all councils: the same as 931
        assertThat(BoardMeasures.adviceByAgency("850", from, to, cases)).isEmpty();
        assertThat(BoardMeasures.adviceByAgency(null, from, to, cases))
                .isEqualTo(BoardMeasures.adviceByAgency(LA, from, to, cases));
        // the plain advice figures (no reuse key) leave reuses out
        assertThat(BoardMeasures.advice(LA, from, to, cases, CaseFile.AdviceRequest::agencyId)).extracting(
                BoardMeasures.AdviceFigures::key).containsExactly("EPS-931", "NHS-DORSET");
        // no request owed for a reuse: on 2025-03-04 the dropped request is owed (with ep), from 03-05 it is not
        assertThat(BoardMeasures.epBacklog(LA, parse("2025-03-04"), cases).open()).isEqualTo(2);
        assertThat(BoardMeasures.epBacklog(LA, parse("2025-04-02"), cases).open()).isEqualTo(1);
        // in the board report, and in any arrival order
        List<IntegrationEvent> events = new ArrayList<>(cases.stream().flatMap(c -> c.events().stream()).toList());
        BoardReport report = BoardReport.of(LA, from, to, TrendStep.MONTH, null, cases);
        assertThat(report.adviceByAgency()).isEqualTo(BoardMeasures.adviceByAgency(LA, from, to, cases));
        assertThat(report.adviceByType()).isEqualTo(BoardMeasures.adviceByType(LA, from, to, cases));
        Collections.shuffle(events, new Random(64));
        assertThat(BoardReport.of(LA, from, to, TrendStep.MONTH, null, CaseFile.fold(events))).isEqualTo(report);
    }

    @Test
    void adviceByAgencyAndTypeAndTheEpBacklog() {
        Events two = Events.forNewCase(LA);
        AdviceRequested ep2 = two.adviceRequested(parse("2025-03-10"), AdviceType.EDUCATIONAL_PSYCHOLOGY, "EPS-931");
        AdviceRequested cancelled = two.adviceRequested(parse("2025-03-10"), AdviceType.EDUCATIONAL_PSYCHOLOGY, "EPS-931");
        var cases = fold(List.of(
                // EP returned on day 42 (within, after a rework), health on day 43 (late)
                caseOneAdvice(Events.forNewCase(LA)),
                // EP requested 2025-03-10, due 2025-04-21, never returned; a second one cancelled on 2025-03-20
                List.of(two.requested(parse("2025-01-27")), ep2, cancelled, two.adviceCancelled(parse("2025-03-20"), cancelled))));
        var from = parse("2025-04-01");
        var to = parse("2025-04-30");
        assertThat(BoardMeasures.advice(LA, from, to, cases, CaseFile.AdviceRequest::agencyId)).containsExactly(
                new BoardMeasures.AdviceFigures("EPS-931", 1, 1, dec("100.0"), dec("42.0"), 0),
                new BoardMeasures.AdviceFigures("NHS-DORSET", 1, 0, dec("0.0"), dec("43.0"), 0));
        assertThat(BoardMeasures.advice(LA, from, to, cases, a -> a.type().name())).containsExactly(
                new BoardMeasures.AdviceFigures("EDUCATIONAL_PSYCHOLOGY", 1, 1, dec("100.0"), dec("42.0"), 0),
                new BoardMeasures.AdviceFigures("HEALTH", 1, 0, dec("0.0"), dec("43.0"), 0));
        // 2025-03-15: ep, ep2, cancelled owed (cancelled leaves on 03-20): 3 open, none overdue
        assertThat(BoardMeasures.epBacklog(LA, parse("2025-03-15"), cases)).isEqualTo(new BoardMeasures.EpBacklog(parse("2025-03-15"), 3, 0));
        // 2025-04-11: ep sent back that day, so owed again; ep2 owed: 2 open, none overdue
        assertThat(BoardMeasures.epBacklog(LA, parse("2025-04-11"), cases).open()).isEqualTo(2);
        // 2025-04-21: ep2 due that very day: open, not overdue; 2025-04-22: overdue
        assertThat(BoardMeasures.epBacklog(LA, parse("2025-04-21"), cases)).isEqualTo(new BoardMeasures.EpBacklog(parse("2025-04-21"), 1, 0));
        assertThat(BoardMeasures.epBacklog(LA, parse("2025-04-22"), cases)).isEqualTo(new BoardMeasures.EpBacklog(parse("2025-04-22"), 1, 1));
    }

    @Test
    void disputesByStageAndKind() {
        Events c = Events.forNewCase(LA);
        var cases = fold(List.of(List.of(c.requested(parse("2025-01-06")),
                c.dispute(parse("2025-03-17"), DisputeKind.MEDIATION, DisputeStage.REFUSAL_TO_ASSESS),
                c.dispute(parse("2025-04-01"), DisputeKind.TRIBUNAL, DisputeStage.REFUSAL_TO_ASSESS),
                c.dispute(parse("2025-07-01"), DisputeKind.TRIBUNAL, DisputeStage.PLAN_CONTENTS))));
        assertThat(BoardMeasures.disputes(LA, parse("2025-03-01"), parse("2025-06-30"), cases)).containsExactly(
                new BoardMeasures.DisputeCount(DisputeStage.REFUSAL_TO_ASSESS, DisputeKind.MEDIATION, 1),
                new BoardMeasures.DisputeCount(DisputeStage.REFUSAL_TO_ASSESS, DisputeKind.TRIBUNAL, 1));
    }

    @Test
    void rankAmongCouncilsAndAllCouncilsTogether() {
        var cases = new ArrayList<>(fourPlans());
        // council 850: one plan 2025-01-06 -> 2025-05-19 = 133 days, within: 100.0%
        cases.add(issued(Events.forNewCase("850"), parse("2025-01-06"), parse("2025-05-19")));
        var files = fold(cases);
        var report = BoardReport.of(LA, parse("2025-01-01"), parse("2025-08-31"), TrendStep.MONTH, null, files);
        assertThat(report.ranks().percentWithin20WeeksExcludingExceptions()).isEqualTo(new BoardReport.Rank(2, 2));
        var all = BoardReport.of(BoardReport.ALL, parse("2025-01-01"), parse("2025-08-31"), TrendStep.MONTH, null, files);
        // 133, 133, 140, 141, 175: 3 within of 5, 60.0%, 722 / 35 = 20.63 -> 20.6, median 140/7 = 20.0
        assertWeeks(all.twentyWeeks().excludingExceptions(), 5, 3, "60.0", "20.6", "20.0");
        assertThat(all.ranks()).isNull();
    }

    @Test
    void anyArrivalOrderGivesTheSameReport() {
        var cases = new ArrayList<>(fourPlans());
        cases.add(HandWorkedCases.transferredInOpen(Events.forNewCase(LA)));
        cases.add(HandWorkedCases.overturnedRefusal(Events.forNewCase(LA)));
        cases.add(HandWorkedCases.exceptionCase(Events.forNewCase(LA)));
        List<IntegrationEvent> events = new ArrayList<>();
        cases.forEach(events::addAll);
        var expected = BoardReport.of(LA, parse("2025-01-01"), parse("2025-08-31"), TrendStep.MONTH, null,
                CaseFile.fold(events));
        Random random = new Random(10);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(events, random);
            assertThat(BoardReport.of(LA, parse("2025-01-01"), parse("2025-08-31"), TrendStep.MONTH, null,
                    CaseFile.fold(events))).isEqualTo(expected);
        }
    }
}
