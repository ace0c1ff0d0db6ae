package org.ehcptracker.reporting.domain;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcptracker.reporting.domain.BoardMeasuresTest.dec;
import static org.ehcptracker.reporting.domain.BoardMeasuresTest.fold;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.ExceptionRecorded;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.reporting.domain.BoardMeasures.FourteenWeeks;
import org.ehcptracker.reporting.domain.BoardMeasures.ReassessmentFigures;
import org.ehcptracker.reporting.domain.BoardMeasures.TrendStep;
import org.junit.jupiter.api.Test;

/**
 * The re-assessments' own measure (Reg 27: the final plan within 14 weeks = day 98 of the clock; docs/reporting.md,
 * "Re-assessments"), kept apart from the DfE 20-week measure, on hand-worked cases in council 965 (one transferred
 * in from 966), period 2025-01-01 to 2025-06-30.
 */
public class ReassessmentMeasureTest {

    static final LocalDate FROM = parse("2025-01-01");
    static final LocalDate TO = parse("2025-06-30");

    /**
     * The hand-worked cases, re-assessments unless said otherwise:
     * <ul>
     * <li>R1 received Mon 2025-01-06, final plan 2025-04-14: Jan 6->Feb 6 31, ->Mar 6 28, ->Apr 6 31, ->Apr 14 8 =
     *     day 98: within;</li>
     * <li>R2 received 2025-01-06, final plan 2025-04-15: day 99: late;</li>
     * <li>R3 received 2025-02-03, a 14-week exception recorded 2025-04-01, final plan 2025-06-02: Feb 3->Mar 3 28,
     *     ->Apr 3 31, ->May 3 30, ->Jun 2 30 = day 119: late, out of "excluding exceptions";</li>
     * <li>W received 2025-03-03, a 14-week exception recorded 2025-04-07 and withdrawn as recorded in error
     *     2025-04-10, final plan 2025-06-16: Mar 3->Jun 3 31+30+31 = 92, +13 = day 105: late, in both;</li>
     * <li>D received 2025-01-13, refused 2025-02-10, mediation about the refusal 2025-02-24, assess 2025-03-10,
     *     final plan 2025-05-19 (day 126): went to mediation, in neither;</li>
     * <li>T received by {@code from} 2025-01-06, transferred in to {@code la} 2025-02-03 (the clock restarts),
     *     final plan 2025-05-12: Feb 3->May 3 28+31+30 = 89, +9 = day 98: within, for {@code la} (126 days from the
     *     first request);</li>
     * <li>I an initial request received 2025-01-06, final plan 2025-04-14 (day 98): in the 20-week measure, not
     *     here.</li>
     * </ul>
     */
    public static List<List<IntegrationEvent>> cases(String la, String from) {
        Events r1 = Events.forNewCase(la);
        Events r2 = Events.forNewCase(la);
        Events r3 = Events.forNewCase(la);
        Events w = Events.forNewCase(la);
        Events d = Events.forNewCase(la);
        Events sent = Events.forNewCase(from);
        Events t = new Events(sent.caseId(), la);
        Events i = Events.forNewCase(la);
        ExceptionRecorded inError = w.exception(parse("2025-04-07"), StatutoryLimit.FINAL_PLAN_14_WEEKS_REASSESSMENT);
        return List.of(
                List.of(r1.reassessmentRequested(parse("2025-01-06")), r1.finalPlan(parse("2025-04-14"), parse("2025-01-06"))),
                List.of(r2.reassessmentRequested(parse("2025-01-06")), r2.finalPlan(parse("2025-04-15"), parse("2025-01-06"))),
                List.of(r3.reassessmentRequested(parse("2025-02-03")),
                        r3.exception(parse("2025-04-01"), StatutoryLimit.FINAL_PLAN_14_WEEKS_REASSESSMENT),
                        r3.finalPlan(parse("2025-06-02"), parse("2025-02-03"))),
                List.of(w.reassessmentRequested(parse("2025-03-03")), inError,
                        w.exceptionWithdrawn(parse("2025-04-10"), inError), w.finalPlan(parse("2025-06-16"), parse("2025-03-03"))),
                List.of(d.reassessmentRequested(parse("2025-01-13")), d.decided(parse("2025-02-10"), AssessmentDecision.REFUSE),
                        d.mediation(parse("2025-02-24")), d.decided(parse("2025-03-10"), AssessmentDecision.ASSESS),
                        d.finalPlan(parse("2025-05-19"), parse("2025-01-13"))),
                List.of(sent.reassessmentRequested(parse("2025-01-06")), t.transferredIn(parse("2025-02-03"), from),
                        t.finalPlan(parse("2025-05-12"), parse("2025-02-03"))),
                List.of(i.requested(parse("2025-01-06")), i.finalPlan(parse("2025-04-14"), parse("2025-01-06"))));
    }

    static FourteenWeeks weeks(int plans, int within, String percent, String average, String median) {
        return new FourteenWeeks(plans, within, dec(percent), dec(average), dec(median));
    }

    @Test
    void the_14_week_measure_on_the_hand_worked_cases() {
        List<CaseFile> files = fold(cases("965", "966"));
        ReassessmentFigures f = BoardMeasures.reassessments("965", FROM, TO, files);
        // R1 98, R2 99, R3 119, W 105, T 98: 5 plans, 2 within, 40.0%; 519 / 35 = 14.83 -> 14.8; median 99 / 7 = 14.1
        assertThat(f.includingExceptions()).isEqualTo(weeks(5, 2, "40.0", "14.8", "14.1"));
        // without R3: 98, 99, 105, 98: 4 plans, 2 within, 50.0%; 400 / 28 = 14.29 -> 14.3; (98 + 99) / 14 = 14.07 -> 14.1
        assertThat(f.excludingExceptions()).isEqualTo(weeks(4, 2, "50.0", "14.3", "14.1"));
        // the sending council: T was issued after the transfer, by 965
        assertThat(BoardMeasures.reassessments("966", FROM, TO, files).includingExceptions())
                .isEqualTo(new FourteenWeeks(0, 0, null, null, null));
        // all councils: the same five
        assertThat(BoardMeasures.reassessments(null, FROM, TO, files)).isEqualTo(f);
    }

    @Test
    void kept_apart_from_the_20_week_measure() {
        List<CaseFile> files = fold(cases("965", "966"));
        // the DfE measure: I alone (day 98 is well within 140): 1 plan, 1 within, 100.0%, 14.0 weeks
        var twenty = BoardMeasures.twentyWeeks("965", FROM, TO, files);
        assertThat(twenty.includingExceptions()).isEqualTo(new BoardMeasures.TwentyWeeks(1, 1, dec("100.0"), dec("14.0"),
                dec("14.0")));
        assertThat(twenty.excludingExceptions()).isEqualTo(twenty.includingExceptions());
        // and I is in no re-assessment figure: only re-assessments' plans above
    }

    @Test
    void by_month_in_the_report() {
        BoardReport report = BoardReport.of("965", FROM, TO, TrendStep.MONTH, null, fold(cases("965", "966")));
        assertThat(report.reassessments()).isEqualTo(BoardMeasures.reassessments("965", FROM, TO, fold(cases("965", "966"))));
        var months = report.months();
        // January to March: none
        assertThat(months.get(0).reassessments().includingExceptions().plansIssued()).isZero();
        // April: R1 (98) and R2 (99): 2, 1, 50.0%; 197 / 14 = 14.07 -> 14.1 both
        assertThat(months.get(3).reassessments().includingExceptions()).isEqualTo(weeks(2, 1, "50.0", "14.1", "14.1"));
        // May: T (98), D left out: 1, 1, 100.0%, 14.0
        assertThat(months.get(4).reassessments().includingExceptions()).isEqualTo(weeks(1, 1, "100.0", "14.0", "14.0"));
        // June: R3 (119) and W (105): 2, 0, 0.0%, 224 / 14 = 16.0; excluding exceptions W alone, 105 / 7 = 15.0
        assertThat(months.get(5).reassessments().includingExceptions()).isEqualTo(weeks(2, 0, "0.0", "16.0", "16.0"));
        assertThat(months.get(5).reassessments().excludingExceptions()).isEqualTo(weeks(1, 0, "0.0", "15.0", "15.0"));
    }

    /** A leap year: received 2024-02-19, Feb 19->Mar 19 29, ->Apr 19 31, ->May 19 30, ->May 27 8 = day 98. */
    @Test
    void a_leap_year() {
        Events onTime = Events.forNewCase("967");
        Events late = Events.forNewCase("967");
        List<CaseFile> files = fold(List.of(
                List.of(onTime.reassessmentRequested(parse("2024-02-19")), onTime.finalPlan(parse("2024-05-27"), parse("2024-02-19"))),
                List.of(late.reassessmentRequested(parse("2024-02-19")), late.finalPlan(parse("2024-05-28"), parse("2024-02-19")))));
        // days 98 and 99: 2, 1, 50.0%, 197 / 14 = 14.1
        assertThat(BoardMeasures.reassessments("967", parse("2024-01-01"), parse("2024-12-31"), files).includingExceptions())
                .isEqualTo(weeks(2, 1, "50.0", "14.1", "14.1"));
    }

    @Test
    void any_arrival_order_gives_the_same() {
        List<IntegrationEvent> events = new ArrayList<>();
        cases("965", "966").forEach(events::addAll);
        ReassessmentFigures expected = BoardMeasures.reassessments("965", FROM, TO, CaseFile.fold(events));
        Random random = new Random(27);
        for (int n = 0; n < 20; n++) {
            Collections.shuffle(events, random);
            assertThat(BoardMeasures.reassessments("965", FROM, TO, CaseFile.fold(events))).isEqualTo(expected);
        }
    }
}
