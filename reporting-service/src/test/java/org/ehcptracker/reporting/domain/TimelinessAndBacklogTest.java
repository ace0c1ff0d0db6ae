package org.ehcptracker.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ehcptracker.reporting.domain.HandWorkedCases.row;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.DisputeKind;
import org.ehcptracker.contracts.assessment.DisputeStage;
import org.ehcptracker.kit.domain.CommandRejected;
import org.junit.jupiter.api.Test;

class TimelinessAndBacklogTest {

    static final String LA = "839";
    static final LocalDate FROM = LocalDate.parse("2025-01-01");
    static final LocalDate TO = LocalDate.parse("2025-08-25");

    static List<CaseProgress> threeCases() {
        return List.of(row(LA, HandWorkedCases::caseA), row(LA, HandWorkedCases::caseB), row(LA, HandWorkedCases::caseC));
    }

    static void assertMeasure(TimelinessFigures.Measure m, int issued, int within, String percent, String weeks) {
        assertThat(m.plansIssued()).as("plansIssued").isEqualTo(issued);
        assertThat(m.issuedWithin20Weeks()).as("issuedWithin20Weeks").isEqualTo(within);
        assertThat(m.percentWithin20Weeks()).as("percentWithin20Weeks")
                .isEqualTo(percent == null ? null : new BigDecimal(percent));
        assertThat(m.averageWeeksToIssue()).as("averageWeeksToIssue")
                .isEqualTo(weeks == null ? null : new BigDecimal(weeks));
    }

    @Test
    void the_hand_worked_day_counts_are_right() {
        // guards the arithmetic in the comments of HandWorkedCases against a slip of the pen
        assertThat(ChronoUnit.DAYS.between(LocalDate.parse("2025-01-06"), LocalDate.parse("2025-05-19"))).isEqualTo(133);
        assertThat(ChronoUnit.DAYS.between(LocalDate.parse("2025-01-13"), LocalDate.parse("2025-07-07"))).isEqualTo(175);
        assertThat(ChronoUnit.DAYS.between(LocalDate.parse("2025-01-20"), LocalDate.parse("2025-08-25"))).isEqualTo(217);
        assertThat(ChronoUnit.DAYS.between(LocalDate.parse("2025-02-03"), LocalDate.parse("2025-07-21"))).isEqualTo(168);
        assertThat(ChronoUnit.DAYS.between(LocalDate.parse("2025-02-10"), LocalDate.parse("2025-06-02"))).isEqualTo(112);
        assertThat(ChronoUnit.DAYS.between(LocalDate.parse("2025-03-03"), LocalDate.parse("2025-07-14"))).isEqualTo(133);
        assertThat(ChronoUnit.DAYS.between(LocalDate.parse("2025-01-06"), LocalDate.parse("2025-07-14"))).isEqualTo(189);
        assertThat(ChronoUnit.DAYS.between(LocalDate.parse("2025-06-02"), LocalDate.parse("2025-08-25"))).isEqualTo(84);
        assertThat(ChronoUnit.DAYS.between(LocalDate.parse("2025-01-06"), LocalDate.parse("2025-05-26"))).isEqualTo(140);
        assertThat(ChronoUnit.DAYS.between(LocalDate.parse("2025-01-06"), LocalDate.parse("2025-05-27"))).isEqualTo(141);
    }

    @Test
    void three_cases_two_issued_one_within_20_weeks() {
        TimelinessFigures f = TimelinessFigures.compute(LA, FROM, TO, threeCases());

        // A 133 days within, B 175 days late; average (133 + 175) / 2 / 7 = 154 / 7 = 22.0 weeks
        assertMeasure(f.allPlans(), 2, 1, "50.0", "22.0");
        assertMeasure(f.excludingExceptions(), 2, 1, "50.0", "22.0");
    }

    @Test
    void three_cases_backlog_one_open_past_20_and_30_weeks() {
        BacklogView b = BacklogView.of(LA, TO, threeCases());

        // C: 217 days open on 2025-08-25 = 31.0 weeks
        assertThat(b).isEqualTo(new BacklogView(TO, 1, 1, 1, 0, new BigDecimal("31.0")));
    }

    @Test
    void issued_on_day_140_is_within_day_141_is_not() {
        // received 2025-01-06 (day 0); day 133 = 2025-05-19 (case A), so day 140 = 2025-05-26, day 141 = 2025-05-27
        Events day140 = Events.forNewCase(LA);
        Events day141 = Events.forNewCase(LA);
        List<CaseProgress> rows = List.of(
                row(day140, List.of(day140.requested(LocalDate.parse("2025-01-06")),
                        day140.finalPlan(LocalDate.parse("2025-05-26"), LocalDate.parse("2025-01-06")))),
                row(day141, List.of(day141.requested(LocalDate.parse("2025-01-06")),
                        day141.finalPlan(LocalDate.parse("2025-05-27"), LocalDate.parse("2025-01-06")))));

        assertThat(rows.get(0).within20Weeks()).isTrue();
        assertThat(rows.get(0).daysToIssue()).isEqualTo(140);
        assertThat(rows.get(1).within20Weeks()).isFalse();
        assertThat(rows.get(1).daysToIssue()).isEqualTo(141);
        // (140 + 141) / 2 / 7 = 281 / 14 = 20.07 -> 20.1
        assertMeasure(TimelinessFigures.compute(LA, FROM, TO, rows).allPlans(), 2, 1, "50.0", "20.1");
    }

    @Test
    void open_on_day_140_is_not_past_20_weeks_day_141_is() {
        List<CaseProgress> received20250106 = List.of(row(LA, c -> List.of(c.requested(LocalDate.parse("2025-01-06")))));

        // day 140 = 2025-05-26, day 141 = 2025-05-27 (as above)
        assertThat(BacklogView.of(LA, LocalDate.parse("2025-05-26"), received20250106).past20Weeks()).isZero();
        assertThat(BacklogView.of(LA, LocalDate.parse("2025-05-27"), received20250106).past20Weeks()).isEqualTo(1);
        // day 210 = 2025-05-26 + 70 = 2025-08-04 (May 26->Jun 26 31, ->Jul 26 30, ->Aug 4 9); day 211 = 2025-08-05
        assertThat(BacklogView.of(LA, LocalDate.parse("2025-08-04"), received20250106).past30Weeks()).isZero();
        assertThat(BacklogView.of(LA, LocalDate.parse("2025-08-05"), received20250106).past30Weeks()).isEqualTo(1);
        // day 365 = 2026-01-06 (2025 has 365 days), so day 364 = 2026-01-05 and day 365 is past 52 weeks
        assertThat(BacklogView.of(LA, LocalDate.parse("2026-01-05"), received20250106).past52Weeks()).isZero();
        assertThat(BacklogView.of(LA, LocalDate.parse("2026-01-06"), received20250106).past52Weeks()).isEqualTo(1);
        assertThat(BacklogView.of(LA, LocalDate.parse("2026-01-06"), received20250106).averageWeeksOpen())
                .isEqualTo(new BigDecimal("52.1")); // 365 / 7 = 52.14
    }

    @Test
    void a_case_with_a_20_week_exception_counts_in_all_plans_but_not_excluding_exceptions() {
        List<CaseProgress> rows = new ArrayList<>(threeCases());
        rows.add(row(LA, HandWorkedCases::exceptionCase));

        TimelinessFigures f = TimelinessFigures.compute(LA, FROM, TO, rows);

        // all: A 133 within, B 175 late, exception case 168 late: 1 of 3 = 33.3%; (133 + 175 + 168) / 3 / 7
        //   = 476 / 21 = 22.67 -> 22.7
        assertMeasure(f.allPlans(), 3, 1, "33.3", "22.7");
        // excluding exceptions: A and B only, as for the three cases
        assertMeasure(f.excludingExceptions(), 2, 1, "50.0", "22.0");
    }

    @Test
    void a_20_week_exception_withdrawn_as_recorded_in_error_brings_the_plan_back_into_excluding_exceptions() {
        List<CaseProgress> rows = new ArrayList<>(threeCases());
        rows.add(row(LA, HandWorkedCases::exceptionWithdrawnCase));

        TimelinessFigures f = TimelinessFigures.compute(LA, FROM, TO, rows);

        // all plans as with the exception: A 133 within, B 175 late, the case 168 late: 1 of 3 = 33.3%,
        //   476 / 21 = 22.67 -> 22.7
        assertMeasure(f.allPlans(), 3, 1, "33.3", "22.7");
        // excluding exceptions: the withdrawn exception counts for nothing, so the same three plans
        //   (not A and B only: 2, 1, 50.0%, 22.0)
        assertMeasure(f.excludingExceptions(), 3, 1, "33.3", "22.7");
    }

    @Test
    void a_case_that_went_to_mediation_counts_in_neither() {
        List<CaseProgress> rows = new ArrayList<>(threeCases());
        rows.add(row(LA, HandWorkedCases::mediationCase)); // 112 days, within: would raise the rate if counted

        TimelinessFigures f = TimelinessFigures.compute(LA, FROM, TO, rows);

        assertMeasure(f.allPlans(), 2, 1, "50.0", "22.0");
        assertMeasure(f.excludingExceptions(), 2, 1, "50.0", "22.0");
    }

    /**
     * The mediation case's dates (received 2025-02-10, issued 2025-06-02: 112 days, 16.0 weeks, within) with one
     * dispute of the given stage registered on {@code registered}.
     */
    static CaseProgress disputed(DisputeStage stage, String registered) {
        Events c = new Events(java.util.UUID.randomUUID(), LA);
        return HandWorkedCases.row(c, List.of(
                c.requested(LocalDate.parse("2025-02-10")),
                c.dispute(LocalDate.parse(registered), DisputeKind.TRIBUNAL, stage),
                c.finalPlan(LocalDate.parse("2025-06-02"), LocalDate.parse("2025-02-10"))));
    }

    @Test
    void a_dispute_about_a_refusal_registered_on_or_before_the_issue_date_leaves_the_measure() {
        for (CaseProgress excluded : List.of(
                disputed(DisputeStage.REFUSAL_TO_ASSESS, "2025-03-17"),
                disputed(DisputeStage.REFUSAL_TO_ISSUE_PLAN, "2025-06-02"))) { // on the issue day itself
            List<CaseProgress> rows = new ArrayList<>(threeCases());
            rows.add(excluded);
            TimelinessFigures f = TimelinessFigures.compute(LA, FROM, TO, rows);
            // as for A, B, C alone: 2 issued, 1 within, 50.0%, 22.0 weeks
            assertMeasure(f.allPlans(), 2, 1, "50.0", "22.0");
            assertMeasure(f.excludingExceptions(), 2, 1, "50.0", "22.0");
        }
    }

    @Test
    void a_dispute_about_the_plans_contents_or_registered_after_the_issue_counts_the_plan_so_reported_figures_stand() {
        for (CaseProgress counted : List.of(
                disputed(DisputeStage.PLAN_CONTENTS, "2025-05-20"),
                disputed(DisputeStage.REFUSAL_TO_ASSESS, "2025-06-03"), // the day after the issue
                disputed(DisputeStage.PLAN_CONTENTS, "2025-07-01"))) {
            List<CaseProgress> rows = new ArrayList<>(threeCases());
            rows.add(counted);
            TimelinessFigures f = TimelinessFigures.compute(LA, FROM, TO, rows);
            // A 133, B 175, this 112: 3 issued, 2 within, 66.7%; (133 + 175 + 112) / 21 = 420 / 21 = 20.0 weeks
            assertMeasure(f.allPlans(), 3, 2, "66.7", "20.0");
            assertMeasure(f.excludingExceptions(), 3, 2, "66.7", "20.0");
        }
        // the figures for the period up to the issue are the same before and after the late dispute arrives
        CaseProgress before = HandWorkedCases.row(LA, c -> List.of(c.requested(LocalDate.parse("2025-02-10")),
                c.finalPlan(LocalDate.parse("2025-06-02"), LocalDate.parse("2025-02-10"))));
        LocalDate to = LocalDate.parse("2025-06-30");
        assertThat(TimelinessFigures.compute(LA, FROM, to, List.of(before)))
                .isEqualTo(TimelinessFigures.compute(LA, FROM, to, List.of(disputed(DisputeStage.REFUSAL_TO_ASSESS, "2025-06-10"))));
    }

    @Test
    void the_backlog_on_a_past_day_uses_the_decision_that_held_that_day() {
        // received Mon 2025-01-20, refused Mon 2025-03-03, tribunal, refusal overturned: ASSESS Mon 2025-05-12, open
        Events c = new Events(java.util.UUID.randomUUID(), LA);
        List<org.ehcptracker.contracts.IntegrationEvent> events = List.of(
                c.requested(LocalDate.parse("2025-01-20")),
                c.decided(LocalDate.parse("2025-03-03"), AssessmentDecision.REFUSE),
                c.dispute(LocalDate.parse("2025-03-24"), DisputeKind.TRIBUNAL, DisputeStage.REFUSAL_TO_ASSESS),
                c.decided(LocalDate.parse("2025-05-12"), AssessmentDecision.ASSESS));
        for (List<org.ehcptracker.contracts.IntegrationEvent> order
                : List.of(events, List.of(events.get(3), events.get(2), events.get(1), events.get(0)))) {
            List<CaseProgress> rows = List.of(HandWorkedCases.row(c, order));
            // 2025-03-02: open, Jan 20->Feb 20 31, ->Mar 2 10 = 41 days = 5.857 -> 5.9 weeks
            assertThat(BacklogView.of(LA, LocalDate.parse("2025-03-02"), rows))
                    .isEqualTo(new BacklogView(LocalDate.parse("2025-03-02"), 1, 0, 0, 0, new BigDecimal("5.9")));
            // refused on 2025-03-03 (closed on that day) and still refused on 2025-05-11: not in the backlog
            assertThat(BacklogView.of(LA, LocalDate.parse("2025-03-03"), rows).open()).isZero();
            assertThat(BacklogView.of(LA, LocalDate.parse("2025-05-11"), rows).open()).isZero();
            // reopened on 2025-05-12: Jan 20->Apr 20 31+28+31 = 90, ->May 12 22 = 112 days = 16.0 weeks
            assertThat(BacklogView.of(LA, LocalDate.parse("2025-05-12"), rows))
                    .isEqualTo(new BacklogView(LocalDate.parse("2025-05-12"), 1, 0, 0, 0, new BigDecimal("16.0")));
            // 2025-08-25: 217 days (as case C), past 20 and 30 weeks
            assertThat(BacklogView.of(LA, TO, rows)).isEqualTo(new BacklogView(TO, 1, 1, 1, 0, new BigDecimal("31.0")));
        }
        assertThat(ChronoUnit.DAYS.between(LocalDate.parse("2025-01-20"), LocalDate.parse("2025-03-02"))).isEqualTo(41);
        assertThat(ChronoUnit.DAYS.between(LocalDate.parse("2025-01-20"), LocalDate.parse("2025-05-12"))).isEqualTo(112);
    }

    @Test
    void a_transfer_in_restarts_the_clock_for_the_measure_and_the_backlog() {
        CaseProgress issued = row(LA, HandWorkedCases::transferredInIssued);
        CaseProgress open = row(LA, HandWorkedCases::transferredInOpen);

        // 133 days from the transfer (2025-03-03), not 189 from the first request: within, 19.0 weeks
        assertThat(issued.localAuthorityCode()).isEqualTo(LA);
        assertMeasure(TimelinessFigures.compute(LA, FROM, TO, List.of(issued)).allPlans(), 1, 1, "100.0", "19.0");
        // 84 days from the transfer (2025-06-02) on 2025-08-25: 12.0 weeks, not past 20
        assertThat(BacklogView.of(LA, TO, List.of(open))).isEqualTo(new BacklogView(TO, 1, 0, 0, 0, new BigDecimal("12.0")));
        // before the transfer the case was not this LA's: not in its backlog
        assertThat(BacklogView.of(LA, LocalDate.parse("2025-06-01"), List.of(open)).open()).isZero();
    }

    @Test
    void the_period_is_inclusive_at_both_ends_and_counts_by_issue_date() {
        List<CaseProgress> rows = threeCases(); // A issued 2025-05-19, B issued 2025-07-07

        assertThat(TimelinessFigures.compute(LA, LocalDate.parse("2025-05-19"), LocalDate.parse("2025-07-07"), rows)
                .allPlans().plansIssued()).isEqualTo(2);
        assertMeasure(TimelinessFigures.compute(LA, LocalDate.parse("2025-05-20"), LocalDate.parse("2025-07-07"), rows)
                .allPlans(), 1, 0, "0.0", "25.0");
        assertMeasure(TimelinessFigures.compute(LA, LocalDate.parse("2025-05-19"), LocalDate.parse("2025-07-06"), rows)
                .allPlans(), 1, 1, "100.0", "19.0");
    }

    @Test
    void no_plan_issued_gives_null_rate_and_average_and_an_empty_backlog_has_no_average() {
        TimelinessFigures f = TimelinessFigures.compute(LA, FROM, LocalDate.parse("2025-05-18"), threeCases());
        assertMeasure(f.allPlans(), 0, 0, null, null);
        assertMeasure(f.excludingExceptions(), 0, 0, null, null);

        BacklogView b = BacklogView.of(LA, LocalDate.parse("2025-01-05"), threeCases()); // before any request
        assertThat(b).isEqualTo(new BacklogView(LocalDate.parse("2025-01-05"), 0, 0, 0, 0, null));
    }

    @Test
    void other_local_authorities_rows_are_ignored() {
        List<CaseProgress> rows = new ArrayList<>(threeCases());
        rows.add(row("850", HandWorkedCases::caseA));
        rows.add(row("850", HandWorkedCases::caseC));

        assertMeasure(TimelinessFigures.compute(LA, FROM, TO, rows).allPlans(), 2, 1, "50.0", "22.0");
        assertThat(BacklogView.of(LA, TO, rows).open()).isEqualTo(1);
    }

    @Test
    void the_backlog_on_a_past_date_counts_cases_open_then_even_if_closed_since() {
        // on 2025-06-30: A closed (issued 2025-05-19); B open (issued later, 2025-07-07):
        //   Jan 13->Jun 13 31+28+31+30+31 = 151, +17 = 168 days; C open: Jan 20->Jun 20 151, +10 = 161 days
        // both past 20 weeks (>140), neither past 30 (>210); average (168 + 161) / 2 / 7 = 329 / 14 = 23.5
        assertThat(BacklogView.of(LA, LocalDate.parse("2025-06-30"), threeCases()))
                .isEqualTo(new BacklogView(LocalDate.parse("2025-06-30"), 2, 2, 0, 0, new BigDecimal("23.5")));
    }

    @Test
    void refused_withdrawn_and_no_plan_cases_leave_the_backlog_on_their_date() {
        Events refused = Events.forNewCase(LA);
        CaseProgress r = row(refused, List.of(refused.requested(LocalDate.parse("2025-01-06")),
                refused.decided(LocalDate.parse("2025-02-10"), AssessmentDecision.REFUSE)));
        Events withdrawn = Events.forNewCase(LA);
        CaseProgress w = row(withdrawn, List.of(withdrawn.requested(LocalDate.parse("2025-01-06")),
                withdrawn.withdrawn(LocalDate.parse("2025-02-10"))));

        assertThat(BacklogView.of(LA, LocalDate.parse("2025-02-09"), List.of(r, w)).open()).isEqualTo(2);
        assertThat(BacklogView.of(LA, LocalDate.parse("2025-02-10"), List.of(r, w)).open()).isZero();
        assertThat(BacklogView.of(LA, TO, List.of(r, w)).open()).isZero();
    }

    @Test
    void from_after_to_is_refused_naming_from() {
        assertThatThrownBy(() -> TimelinessFigures.compute(LA, LocalDate.parse("2025-09-01"), LocalDate.parse("2025-08-31"), List.of()))
                .isInstanceOfSatisfying(CommandRejected.class, e -> {
                    assertThat(e.kind()).isEqualTo(CommandRejected.Kind.INVALID);
                    assertThat(e.field()).isEqualTo("from");
                });
    }
}
