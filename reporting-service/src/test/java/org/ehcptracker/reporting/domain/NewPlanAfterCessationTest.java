package org.ehcptracker.reporting.domain;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcptracker.reporting.domain.BoardMeasuresTest.assertWeeks;
import static org.ehcptracker.reporting.domain.BoardMeasuresTest.dec;
import static org.ehcptracker.reporting.domain.BoardMeasuresTest.fold;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.plan.CeaseReason;
import org.ehcptracker.contracts.plan.ReviewOutcome;
import org.ehcptracker.reporting.domain.BoardMeasures.AnnualReviews;
import org.ehcptracker.reporting.domain.BoardMeasures.CeasedCount;
import org.ehcptracker.reporting.domain.BoardMeasures.TrendStep;
import org.junit.jupiter.api.Test;

/**
 * A new plan after a cessation (docs/plan-service.md, "A new plan after a cessation"; docs/reporting.md, "A case's
 * plans"): plan-service drafts a new plan, with a new planId, in the same case once its plan ceased. Reporting keeps
 * each plan's facts by planId, so each plan has its own reviews due, meetings, decisions, amendments, phase
 * transfers, cessation and days in force; the 20-week measure counts the case's first plan only (the second follows
 * no request of its own). Council 957, hand-worked; the period is 2024-01-01 to 2025-12-31 unless said.
 */
public class NewPlanAfterCessationTest {

    static final String LA = "957";
    static final LocalDate FROM = parse("2024-01-01");
    static final LocalDate TO = parse("2025-12-31");

    /**
     * Case S and case U, each with two plans of council {@code la}.
     *
     * <p>S: received Mon 2023-01-09, assess 2023-02-13 (day 35), draft S1 2023-04-24, final S1 2023-05-22 (Jan 9 ->
     * May 9 31+28+31+30 = 120, +13 = day 133: within). S1's review due 2023-05-22 + 12 months = 2024-05-22; meeting
     * 2024-05-13 (on time); KEEP 2024-06-03 (May 13 -> Jun 3 = 21 days: within 28). Its next review would be due
     * 2024-05-13 + 12 months = 2025-05-13, but S1 ceased on 2024-09-02 (NO_LONGER_NECESSARY): not due. A new plan S2:
     * draft 2024-11-04, final 2024-12-09 (carrying the case's clock start 2023-01-09: 700 days, never in the 20-week
     * measure). S2's review due 2024-12-09 + 12 months = 2025-12-09, answered by the meeting held early, on 2025-01-20,
     * before the move to post-16 (deadline 31 March 2025); AMEND 2025-02-10 (21 days: within), amended plan due
     * min(02-10 + 56 = 04-07, 01-20 + 84 = 04-14) = 2025-04-07, issued 2025-03-24: within, and by the phase transfer
     * deadline. S2's next review, 2026-01-20, is after the period. S2 still in force on 2025-12-31.
     *
     * <p>U: received Mon 2023-03-06, assess 2023-04-11, final U1 2023-07-17 (Mar 6 -> Jul 6 31+30+31+30 = 122, +11 =
     * day 133: within). U1's review due 2024-07-17; meeting 2024-07-29 (12 days late); CEASE 2024-08-29 (Jul 29 ->
     * Aug 29 = 31 days: late); U1 ceased 2024-09-16 (LEFT_EDUCATION_OR_TRAINING): its next review (2025-07-29) not
     * due. The young person returns to education: draft U2 2024-12-02, final U2 2025-01-13 (679 days from the
     * clock start), ceased 2025-10-06 (HIGHER_EDUCATION) before its first review (due 2026-01-13).
     */
    public static List<List<IntegrationEvent>> twoCasesWithTwoPlansEach(String la) {
        Events s1 = Events.forNewCase(la);
        Events s2 = s1.plan(UUID.randomUUID());
        Events u1 = Events.forNewCase(la);
        Events u2 = u1.plan(UUID.randomUUID());
        UUID s1Review = UUID.randomUUID();
        UUID s2Review = UUID.randomUUID();
        UUID u1Review = UUID.randomUUID();
        return List.of(
                List.of(s1.requested(parse("2023-01-09")), s1.decided(parse("2023-02-13"), AssessmentDecision.ASSESS),
                        s1.draftPlan(parse("2023-04-24")), s1.concluded(parse("2023-04-23"), AssessmentOutcome.ISSUE_PLAN),
                        s1.finalPlan(parse("2023-05-22"), parse("2023-01-09")),
                        s1.reviewMeeting(parse("2024-05-13"), s1Review, null, null),
                        s1.reviewDecided(parse("2024-06-03"), s1Review, ReviewOutcome.KEEP, parse("2024-05-13")),
                        s1.planCeased(parse("2024-09-02"), CeaseReason.NO_LONGER_NECESSARY),
                        s2.draftPlan(parse("2024-11-04")),
                        s2.finalPlan(parse("2024-12-09"), parse("2023-01-09")),
                        s2.reviewMeeting(parse("2025-01-20"), s2Review, "SECONDARY_TO_POST_16", parse("2025-03-31")),
                        s2.reviewDecided(parse("2025-02-10"), s2Review, ReviewOutcome.AMEND, parse("2025-01-20")),
                        s2.amendedPlan(parse("2025-03-24"), s2Review)),
                List.of(u1.requested(parse("2023-03-06")), u1.decided(parse("2023-04-11"), AssessmentDecision.ASSESS),
                        u1.draftPlan(parse("2023-06-05")), u1.concluded(parse("2023-06-04"), AssessmentOutcome.ISSUE_PLAN),
                        u1.finalPlan(parse("2023-07-17"), parse("2023-03-06")),
                        u1.reviewMeeting(parse("2024-07-29"), u1Review, null, null),
                        u1.reviewDecided(parse("2024-08-29"), u1Review, ReviewOutcome.CEASE, parse("2024-07-29")),
                        u1.planCeased(parse("2024-09-16"), CeaseReason.LEFT_EDUCATION_OR_TRAINING),
                        u2.draftPlan(parse("2024-12-02")),
                        u2.finalPlan(parse("2025-01-13"), parse("2023-03-06")),
                        u2.planCeased(parse("2025-10-06"), CeaseReason.HIGHER_EDUCATION)));
    }

    static final AnnualReviews EXPECTED = new AnnualReviews(
            // due: S1 2024-05-22 (held 05-13), U1 2024-07-17 (held 07-29: late), S2 2025-12-09 (held early on
            //   2025-01-20); S1's 2025-05-13 and U1's 2025-07-29 fall after their cessations: 3 due, 2 on time
            3, 2, dec("66.7"),
            // meetings: S1 2024-05-13, U1 2024-07-29, S2 2025-01-20
            3,
            // decisions: S1 KEEP day 21, U1 CEASE day 31 (late), S2 AMEND day 21
            3, 2, dec("66.7"),
            // amended plans: S2's on 2025-03-24, due 04-07
            1, 1, dec("100.0"),
            // phase transfers: S2's, deadline 2025-03-31, S2 in force then (S1's cessation is another plan's),
            //   amended on 03-24
            1, 1, dec("100.0"),
            // ceased: U2 HIGHER_EDUCATION 2025-10-06, U1 LEFT_EDUCATION_OR_TRAINING 2024-09-16, S1
            //   NO_LONGER_NECESSARY 2024-09-02 (by code)
            List.of(new CeasedCount("HIGHER_EDUCATION", 1), new CeasedCount("LEFT_EDUCATION_OR_TRAINING", 1),
                    new CeasedCount("NO_LONGER_NECESSARY", 1)),
            // in force on 2025-12-31: S2 (U2 ceased 2025-10-06)
            1);

    @Test
    void each_plan_has_its_own_reviews_due_decisions_amendments_phase_transfer_and_cessation() {
        assertThat(BoardMeasures.annualReviews(LA, FROM, TO, fold(twoCasesWithTwoPlansEach(LA)))).isEqualTo(EXPECTED);
    }

    @Test
    void the_second_plans_phase_transfer_counts_in_its_own_quarter() {
        var files = fold(twoCasesWithTwoPlansEach(LA));
        // 2025-01-01 to 2025-03-31: S2's meeting (01-20) and decision (02-10, within); its phase transfer deadline
        // 03-31, amended 03-24; no review due (S2's is 2025-12-09); in force on 03-31: S2 and U2
        assertThat(BoardMeasures.annualReviews(LA, parse("2025-01-01"), parse("2025-03-31"), files)).isEqualTo(
                new AnnualReviews(0, 0, null, 1, 1, 1, dec("100.0"), 1, 1, dec("100.0"), 1, 1, dec("100.0"),
                        List.of(), 2));
        // 2024-07-01 to 2024-09-30: U1's due (07-17, held late), meeting and late CEASE; both first plans ceased;
        // in force on 09-30: none
        assertThat(BoardMeasures.annualReviews(LA, parse("2024-07-01"), parse("2024-09-30"), files)).isEqualTo(
                new AnnualReviews(1, 0, dec("0.0"), 1, 1, 0, dec("0.0"), 0, 0, null, 0, 0, null,
                        List.of(new CeasedCount("LEFT_EDUCATION_OR_TRAINING", 1),
                                new CeasedCount("NO_LONGER_NECESSARY", 1)), 0));
    }

    @Test
    void plans_in_force_on_a_date_count_each_plan_from_its_issue_to_the_day_before_its_cessation() {
        var files = fold(twoCasesWithTwoPlansEach(LA));
        // 2024-06-30: S1 (issued 2023-05-22), U1 (2023-07-17)
        assertThat(inForceOn(files, "2024-06-30")).isEqualTo(2);
        // 2024-09-02: S1 ceased that day; U1 until 09-16
        assertThat(inForceOn(files, "2024-09-02")).isEqualTo(1);
        // 2024-10-01: between the plans, none
        assertThat(inForceOn(files, "2024-10-01")).isZero();
        // 2024-12-09: S2 issued that day; U2 not yet (2025-01-13)
        assertThat(inForceOn(files, "2024-12-09")).isEqualTo(1);
        // 2025-06-30: S2 and U2
        assertThat(inForceOn(files, "2025-06-30")).isEqualTo(2);
        // 2025-10-06: U2 ceased that day; S2
        assertThat(inForceOn(files, "2025-10-06")).isEqualTo(1);
        // another council's: none
        assertThat(BoardMeasures.annualReviews("958", FROM, parse("2025-06-30"), files).plansInForce()).isZero();
        // each case's plans, first to last, with their own dates
        CaseFile s = files.stream().filter(f -> f.plans().get(0).issued().equals(parse("2023-05-22"))).findFirst()
                .orElseThrow();
        assertThat(s.plans()).extracting(CaseFile.Plan::issued, CaseFile.Plan::ceased, CaseFile.Plan::draftIssued)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(parse("2023-05-22"), parse("2024-09-02"), parse("2023-04-24")),
                        org.assertj.core.groups.Tuple.tuple(parse("2024-12-09"), null, parse("2024-11-04")));
        assertThat(s.plans().get(1).reviews()).extracting(CaseFile.Review::phaseTransferDeadline)
                .containsExactly(parse("2025-03-31"));
        assertThat(s.planCeased()).isEqualTo(parse("2024-09-02"));
        assertThat(s.plansInForceOn(parse("2025-06-30"))).extracting(CaseFile.Plan::issued)
                .containsExactly(parse("2024-12-09"));
    }

    static int inForceOn(List<CaseFile> files, String date) {
        return BoardMeasures.annualReviews(LA, FROM, parse(date), files).plansInForce();
    }

    /**
     * The 20-week measure counts the final plan the assessment issued: S1 (day 133) and U1 (day 133) in 2023. S2
     * (700 days from the clock start it carries) and U2 (679) follow no request of their own (a new request for the
     * same child is a new case in assessment-service), so they are in no 20-week, time-lost or backlog figure, in
     * the board report or in the case_progress rows ({@code GET /figures}).
     */
    @Test
    void the_20_week_measure_counts_the_first_plan_only() {
        var files = fold(twoCasesWithTwoPlansEach(LA));
        var in2023 = BoardMeasures.twentyWeeks(LA, parse("2023-01-01"), parse("2023-12-31"), files);
        assertWeeks(in2023.includingExceptions(), 2, 2, "100.0", "19.0", "19.0");
        assertWeeks(in2023.excludingExceptions(), 2, 2, "100.0", "19.0", "19.0");
        var later = BoardMeasures.twentyWeeks(LA, FROM, TO, files);
        assertWeeks(later.includingExceptions(), 0, 0, null, null, null);
        assertThat(BoardMeasures.timeLost(LA, FROM, TO, files).latePlans()).isZero();
        assertThat(BoardMeasures.reassessments(LA, FROM, TO, files).includingExceptions().plansIssued()).isZero();
        // nobody waiting: both cases closed by their first plans, before and after the second plans
        assertThat(BoardMeasures.backlog(LA, parse("2024-11-30"), files).open()).isZero();
        assertThat(BoardMeasures.backlog(LA, parse("2025-06-30"), files).open()).isZero();
        // the board's months: 2024-12 and 2025-01 (the second plans' months) have no plan
        var months = BoardMeasures.months(LA, parse("2024-12-01"), parse("2025-01-31"), files);
        assertThat(months).allSatisfy(m -> assertThat(m.plans().includingExceptions().plansIssued()).isZero());

        // the case_progress rows: the first final plan wins whichever arrives first
        List<CaseProgress> rows = new ArrayList<>();
        for (List<IntegrationEvent> c : twoCasesWithTwoPlansEach(LA)) {
            List<IntegrationEvent> reversed = new ArrayList<>(c);
            Collections.reverse(reversed);
            CaseProgress forward = CaseProgress.empty(c.get(0).caseId());
            CaseProgress backward = CaseProgress.empty(c.get(0).caseId());
            for (int i = 0; i < c.size(); i++) {
                forward = forward.apply(c.get(i));
                backward = backward.apply(reversed.get(i));
            }
            assertThat(backward).isEqualTo(forward);
            assertThat(forward.daysToIssue()).isEqualTo(133);
            assertThat(forward.status()).isEqualTo(CaseStatus.PLAN_ISSUED);
            rows.add(forward);
        }
        assertThat(rows).extracting(CaseProgress::finalPlanIssuedDate)
                .containsExactly(parse("2023-05-22"), parse("2023-07-17"));
        var figures = TimelinessFigures.compute(LA, parse("2023-01-01"), parse("2023-12-31"), rows);
        assertThat(figures.allPlans().plansIssued()).isEqualTo(2);
        assertThat(figures.allPlans().issuedWithin20Weeks()).isEqualTo(2);
        assertThat(TimelinessFigures.compute(LA, FROM, TO, rows).allPlans().plansIssued()).isZero();
    }

    @Test
    void any_arrival_order_gives_the_same_figures_and_the_same_report() {
        List<IntegrationEvent> events = new ArrayList<>();
        twoCasesWithTwoPlansEach(LA).forEach(events::addAll);
        BoardReport expected = BoardReport.of(LA, FROM, TO, TrendStep.MONTH, null, CaseFile.fold(events));
        assertThat(expected.annualReviews()).isEqualTo(EXPECTED);
        Random random = new Random(957);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(events, random);
            assertThat(BoardReport.of(LA, FROM, TO, TrendStep.MONTH, null, CaseFile.fold(events))).isEqualTo(expected);
        }
    }
}
