package org.ehcptracker.reporting.domain;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcptracker.reporting.domain.BoardMeasuresTest.assertBacklog;
import static org.ehcptracker.reporting.domain.BoardMeasuresTest.assertWeeks;
import static org.ehcptracker.reporting.domain.BoardMeasuresTest.dec;
import static org.ehcptracker.reporting.domain.BoardMeasuresTest.fold;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.RequestKind;
import org.ehcptracker.reporting.domain.BoardMeasures.TrendStep;
import org.junit.jupiter.api.Test;

/**
 * Re-assessments (Reg 27) stay out of the DfE measures, which count initial requests only (docs/reporting.md,
 * "Initial requests only"): one re-assessment of each kind among initial cases changes no figure, on the board
 * and on /figures; the same events with an INITIAL request would change them (so the test can fail).
 */
class ReassessmentsLeftOutTest {

    static final String LA = "931";
    static final LocalDate FROM = parse("2025-01-01");
    static final LocalDate TO = parse("2025-08-31");

    /** The initial cases: days 133, 140, 141, 175 (BoardMeasuresTest.fourPlans), C open, an overturned refusal. */
    static List<List<IntegrationEvent>> initialCases() {
        var cases = new ArrayList<>(BoardMeasuresTest.fourPlans());
        cases.add(HandWorkedCases.caseC(Events.forNewCase(LA)));
        cases.add(HandWorkedCases.overturnedRefusal(Events.forNewCase(LA)));
        return cases;
    }

    /**
     * Three cases, each in every measure's period if it counted; {@code request} builds their request.
     * Late plan: received 2025-01-06, decided to assess 2025-03-10 (Jan 6->Feb 6 31, ->Mar 6 28, +4 = day 63:
     * late), final plan 2025-06-30 (Jan 6->Jun 6 151, +24 = day 175: late). Open: received 2025-02-03, never
     * closed (on 2025-08-31: Feb 3->Aug 3 181, +28 = 209 days: past 20 weeks). No plan: received 2025-01-06,
     * concluded NO_PLAN 2025-04-29 (day 113: late).
     */
    static List<List<IntegrationEvent>> threeCases(Function<Events, Function<LocalDate, AssessmentRequested>> request) {
        Events plan = Events.forNewCase(LA);
        Events open = Events.forNewCase(LA);
        Events noPlan = Events.forNewCase(LA);
        return List.of(
                List.of(request.apply(plan).apply(parse("2025-01-06")),
                        plan.decided(parse("2025-03-10"), AssessmentDecision.ASSESS),
                        plan.finalPlan(parse("2025-06-30"), parse("2025-01-06"))),
                List.of(request.apply(open).apply(parse("2025-02-03"))),
                List.of(request.apply(noPlan).apply(parse("2025-01-06")),
                        noPlan.concluded(parse("2025-04-29"), AssessmentOutcome.NO_PLAN)));
    }

    static List<List<IntegrationEvent>> with(List<List<IntegrationEvent>> more) {
        var cases = new ArrayList<>(initialCases());
        cases.addAll(more);
        return cases;
    }

    /**
     * The report without the re-assessments' own measure (Reg 27: "Re-assessments" in docs/reporting.md), and
     * without the plans in force, which count every plan, a re-assessment's too (measure 8: a plan is a plan).
     */
    static BoardReport dfeMeasures(BoardReport r) {
        var a = r.annualReviews();
        var reviews = new BoardMeasures.AnnualReviews(a.reviewsDue(), a.dueHeldOnTime(), a.percentDueHeldOnTime(),
                a.meetingsHeld(), a.decided(), a.decidedWithin4Weeks(), a.percentDecidedWithin4Weeks(),
                a.amendmentsIssued(), a.amendmentsWithinDue(), a.percentAmendmentsWithinDue(), a.phaseTransfersDue(),
                a.phaseTransfersAmendedByDeadline(), a.percentPhaseTransfersAmendedByDeadline(), a.ceasedByReason(), 0);
        return new BoardReport(r.localAuthorityCode(), r.from(), r.to(), r.knownOn(), r.twentyWeeks(), null,
                r.backlog(), r.decisionsToAssess(), r.noPlanDecisions(),
                r.months().stream().map(m -> new BoardMeasures.Month(m.month(), m.plans(), m.rolling12Months(),
                        m.decisions(), m.noPlanDecisions(), null)).toList(),
                r.backlogTrend(), r.adviceByAgency(), r.adviceByType(), r.epBacklog(), r.epBacklogTrend(), r.disputes(),
                r.timeLost(), reviews, r.planQuality(), r.ranks());
    }

    static BoardReport report(List<CaseFile> files) {
        return BoardReport.of(LA, FROM, TO, TrendStep.MONTH, null, files);
    }

    @Test
    void reassessmentsChangeNoBoardMeasure() {
        List<List<IntegrationEvent>> initial = initialCases();
        BoardReport without = report(fold(initial));
        BoardReport withReassessments = report(fold(with(threeCases(e -> e::reassessmentRequested))));
        // every DfE measure, every month, every trend point, the ranks: identical (the re-assessments' own 14-week
        // measure aside, which is theirs)
        assertThat(dfeMeasures(withReassessments)).isEqualTo(dfeMeasures(without));
        // in force on 2025-08-31: the four initial plans, and the re-assessment's plan (issued 2025-06-30)
        assertThat(without.annualReviews().plansInForce()).isEqualTo(4);
        assertThat(withReassessments.annualReviews().plansInForce()).isEqualTo(5);
        // which counts the late plan alone: day 175, 25.0 weeks, late for 14 weeks
        assertThat(withReassessments.reassessments().includingExceptions())
                .isEqualTo(new BoardMeasures.FourteenWeeks(1, 0, dec("0.0"), dec("25.0"), dec("25.0")));
        assertThat(without.reassessments().includingExceptions().plansIssued()).isZero();
        // and the figures are the initial cases' own: days 133, 140, 141, 175 -> 4 plans, 2 within, 50.0%,
        // 589 / 28 = 21.0, median (140 + 141) / 14 = 20.1
        assertWeeks(withReassessments.twentyWeeks().excludingExceptions(), 4, 2, "50.0", "21.0", "20.1");
        // decisions: A 2025-02-10 (day 35), B 2025-02-24 (Jan 13->Feb 13 31, +11 = day 42), day-140 and day-141
        //   plans (received + 35), C 2025-03-03 (Jan 20->Feb 20 31, +11 = day 42), the refusal of 2025-03-03
        //   (day 42): 6 decisions, all within
        assertThat(withReassessments.decisionsToAssess()).isEqualTo(new BoardMeasures.Decisions(6, 6, dec("100.0")));
        assertThat(withReassessments.noPlanDecisions()).isEqualTo(new BoardMeasures.NoPlanDecisions(0, 0, null));
    }

    @Test
    void theSameCasesAsInitialRequestsWouldCount() {
        // the three cases with an INITIAL request: the plan at day 175 counts, the decision at day 63 and the
        // no-plan at day 113 are late, the open case is in the backlog
        BoardReport initialKind = report(fold(with(threeCases(e -> e::requested))));
        // 133, 140, 141, 175, 175: 5 plans, 2 within, 40.0%, 764 / 35 = 21.83 -> 21.8, median 141 / 7 = 20.1
        assertWeeks(initialKind.twentyWeeks().excludingExceptions(), 5, 2, "40.0", "21.8", "20.1");
        // the six within, and day 63: 7 decisions, 6 within, 85.7%
        assertThat(initialKind.decisionsToAssess()).isEqualTo(new BoardMeasures.Decisions(7, 6, dec("85.7")));
        assertThat(initialKind.noPlanDecisions()).isEqualTo(new BoardMeasures.NoPlanDecisions(1, 0, dec("0.0")));
        assertThat(initialKind).isNotEqualTo(report(fold(initialCases())));
    }

    @Test
    void reassessmentsStayOutOfTheBacklogAndWhereTimeIsLost() {
        var reassessments = fold(threeCases(e -> e::reassessmentRequested));
        // alone: no open case on any day, no late plan, no decision
        assertBacklog(BoardMeasures.backlog(LA, TO, reassessments), 0, 0, 0, 0, null, null);
        assertBacklog(BoardMeasures.backlog(null, TO, reassessments), 0, 0, 0, 0, null, null);
        assertThat(BoardMeasures.timeLost(LA, FROM, TO, reassessments).latePlans()).isZero();
        assertThat(BoardMeasures.twentyWeeks(null, FROM, TO, reassessments).includingExceptions().plansIssued())
                .isZero();
        assertThat(BoardMeasures.decisions(LA, FROM, TO, reassessments).decided()).isZero();
        assertThat(BoardMeasures.noPlanDecisions(LA, FROM, TO, reassessments).decided()).isZero();
        // as initial requests: the open one, 209 days on 2025-08-31 = 29.9 weeks, past 20; one late plan
        var initial = fold(threeCases(e -> e::requested));
        assertBacklog(BoardMeasures.backlog(LA, TO, initial), 1, 1, 0, 0, "29.9", "29.9");
        assertThat(BoardMeasures.timeLost(LA, FROM, TO, initial).latePlans()).isEqualTo(1);
    }

    @Test
    void reassessmentsChangeNothingOnFigures() {
        // the older /figures path, over case_progress rows
        List<CaseProgress> without = rows(initialCases());
        List<CaseProgress> withReassessments = rows(with(threeCases(e -> e::reassessmentRequested)));
        assertThat(TimelinessFigures.compute(LA, FROM, TO, withReassessments))
                .isEqualTo(TimelinessFigures.compute(LA, FROM, TO, without));
        assertThat(TimelinessFigures.compute(LA, FROM, TO, withReassessments).excludingExceptions())
                .isEqualTo(new TimelinessFigures.Measure(4, 2, dec("50.0"), dec("21.0")));
        for (LocalDate d : List.of(parse("2025-02-03"), parse("2025-03-31"), TO)) {
            assertThat(BacklogView.of(LA, d, withReassessments)).as("backlog on %s", d)
                    .isEqualTo(BacklogView.of(LA, d, without));
        }
        // as initial requests the open case would be in the backlog on 2025-08-31
        assertThat(BacklogView.of(LA, TO, rows(with(threeCases(e -> e::requested)))).open())
                .isEqualTo(BacklogView.of(LA, TO, without).open() + 1);
    }

    @Test
    void theRequestKindIsKeptWhateverTheArrivalOrder() {
        Events c = Events.forNewCase(LA);
        List<IntegrationEvent> events = new ArrayList<>(List.of(c.reassessmentRequested(parse("2025-01-06")),
                c.decided(parse("2025-02-10"), AssessmentDecision.ASSESS),
                c.finalPlan(parse("2025-03-31"), parse("2025-01-06"))));
        Random random = new Random(27);
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(events, random);
            CaseProgress p = CaseProgress.empty(c.caseId());
            for (IntegrationEvent e : events) {
                p = p.apply(e);
            }
            assertThat(p.requestKind()).isEqualTo(RequestKind.REASSESSMENT);
            assertThat(p.reassessment()).isTrue();
            assertThat(p.initialRequest()).isFalse();
        }
        // an initial request, and a case whose request has not arrived yet, count as initial
        assertThat(CaseProgress.empty(c.caseId()).apply(c.finalPlan(parse("2025-03-31"), parse("2025-01-06")))
                .initialRequest()).isTrue();
        assertThat(HandWorkedCases.row(LA, HandWorkedCases::caseA).requestKind()).isEqualTo(RequestKind.INITIAL);
    }

    static List<CaseProgress> rows(List<List<IntegrationEvent>> cases) {
        return fold(cases).stream().map(CaseFile::progress).toList();
    }
}
