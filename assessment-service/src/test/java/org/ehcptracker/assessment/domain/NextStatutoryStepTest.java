package org.ehcptracker.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.ehcptracker.contracts.assessment.RequestKind;
import org.junit.jupiter.api.Test;

/** The worklist's next-step rule, with hand-worked dates (calendar days, day 0 = the clock start). */
class NextStatutoryStepTest {

    /** Monday 6 January 2025. */
    private static final LocalDate RECEIVED_MON_2025_01_06 = LocalDate.of(2025, 1, 6);

    @Test
    void a_reassessment_waits_for_the_final_plan_14_weeks_after_receipt_from_the_start() {
        // Reg 27, 98 days from Mon 6 Jan: Jan 31 = 25, Feb 28 = 53, Mar 31 = 84, Apr 14 = 98 -> Mon 14 Apr 2025
        var due = new NextStatutoryStep(StatutoryStep.FINAL_PLAN_14_WEEKS_REASSESSMENT, LocalDate.of(2025, 4, 14), false);
        for (CaseStatus open : new CaseStatus[] {CaseStatus.REQUESTED, CaseStatus.ASSESSING, CaseStatus.CONCLUDED_ISSUE_PLAN}) {
            assertThat(NextStatutoryStep.after(RequestKind.REASSESSMENT, open, RECEIVED_MON_2025_01_06, null, 0)).isEqualTo(due);
        }
        assertThat(NextStatutoryStep.after(RequestKind.REASSESSMENT, CaseStatus.CONCLUDED_NO_PLAN, RECEIVED_MON_2025_01_06, null, 0))
                .isEqualTo(NextStatutoryStep.NONE);
        // an open exception on the 14-week limit excuses lateness; the date stays
        assertThat(NextStatutoryStep.after(RequestKind.REASSESSMENT, CaseStatus.ASSESSING, RECEIVED_MON_2025_01_06, null, 1))
                .isEqualTo(new NextStatutoryStep(StatutoryStep.FINAL_PLAN_14_WEEKS_REASSESSMENT, LocalDate.of(2025, 4, 14), true));
    }

    @Test
    void a_request_waits_for_the_decision_whether_to_assess_6_weeks_after_receipt() {
        // 42 days from Mon 6 Jan: Jan 31 = day 25, Feb 17 = 25 + 17 = 42 -> Mon 17 Feb 2025
        assertThat(NextStatutoryStep.after(CaseStatus.REQUESTED, RECEIVED_MON_2025_01_06))
                .isEqualTo(new NextStatutoryStep(StatutoryStep.DECISION_6_WEEKS, LocalDate.of(2025, 2, 17), false));
    }

    @Test
    void a_case_being_assessed_waits_for_the_conclusion_by_the_16_week_no_plan_limit() {
        // 112 days: Jan 31 = 25, Feb 28 = 53, Mar 31 = 84, Apr 28 = 84 + 28 = 112 -> Mon 28 Apr 2025
        assertThat(NextStatutoryStep.after(CaseStatus.ASSESSING, RECEIVED_MON_2025_01_06))
                .isEqualTo(new NextStatutoryStep(StatutoryStep.NO_PLAN_DECISION_16_WEEKS, LocalDate.of(2025, 4, 28), false));
    }

    @Test
    void a_case_concluded_to_issue_a_plan_waits_for_the_final_plan_20_weeks_after_receipt() {
        // 140 days: Apr 28 = 112 (above), Apr 30 = 114, May 26 = 114 + 26 = 140 -> Mon 26 May 2025
        assertThat(NextStatutoryStep.after(CaseStatus.CONCLUDED_ISSUE_PLAN, RECEIVED_MON_2025_01_06))
                .isEqualTo(new NextStatutoryStep(StatutoryStep.FINAL_PLAN_20_WEEKS, LocalDate.of(2025, 5, 26), false));
    }

    @Test
    void a_refused_withdrawn_or_no_plan_case_waits_for_nothing() {
        assertThat(NextStatutoryStep.after(CaseStatus.REFUSED, RECEIVED_MON_2025_01_06)).isEqualTo(NextStatutoryStep.NONE);
        assertThat(NextStatutoryStep.after(CaseStatus.WITHDRAWN, RECEIVED_MON_2025_01_06)).isEqualTo(NextStatutoryStep.NONE);
        assertThat(NextStatutoryStep.after(CaseStatus.CONCLUDED_NO_PLAN, RECEIVED_MON_2025_01_06)).isEqualTo(NextStatutoryStep.NONE);
        assertThat(NextStatutoryStep.NONE.daysLeft(RECEIVED_MON_2025_01_06)).isNull();
        assertThat(NextStatutoryStep.NONE.overdue(LocalDate.of(2030, 1, 1))).isFalse();
    }

    @Test
    void a_transfer_in_restarts_the_clock_on_the_day_this_council_became_responsible() {
        // received Mon 6 Jan 2025 elsewhere; this council responsible from Wed 12 Mar 2025 (the new day 0).
        // 6 weeks: Mar 31 = 19, Apr 23 = 19 + 23 = 42 -> Wed 23 Apr 2025 (not 17 Feb)
        LocalDate transferredIn = LocalDate.of(2025, 3, 12);
        assertThat(NextStatutoryStep.after(CaseStatus.REQUESTED, transferredIn).due()).isEqualTo(LocalDate.of(2025, 4, 23));
        // 20 weeks: Mar 31 = 19, Apr 30 = 49, May 31 = 80, Jun 30 = 110, Jul 30 = 140 -> Wed 30 Jul 2025 (not 26 May)
        assertThat(NextStatutoryStep.after(CaseStatus.CONCLUDED_ISSUE_PLAN, transferredIn).due())
                .isEqualTo(LocalDate.of(2025, 7, 30));
    }

    @Test
    void an_open_exception_on_the_step_limit_marks_the_step_and_keeps_the_statutory_due_date() {
        NextStatutoryStep excused = NextStatutoryStep.after(CaseStatus.CONCLUDED_ISSUE_PLAN, RECEIVED_MON_2025_01_06, 1);
        assertThat(excused).isEqualTo(new NextStatutoryStep(StatutoryStep.FINAL_PLAN_20_WEEKS, LocalDate.of(2025, 5, 26), true));
        // a closed case has no step for an exception to apply to
        assertThat(NextStatutoryStep.after(CaseStatus.WITHDRAWN, RECEIVED_MON_2025_01_06, 2)).isEqualTo(NextStatutoryStep.NONE);
    }

    @Test
    void days_left_count_from_today_negative_when_late() {
        NextStatutoryStep decision = NextStatutoryStep.after(CaseStatus.REQUESTED, RECEIVED_MON_2025_01_06); // due 17 Feb
        assertThat(decision.daysLeft(LocalDate.of(2025, 2, 10))).isEqualTo(7L);
        assertThat(decision.daysLeft(LocalDate.of(2025, 2, 17))).isZero();
        assertThat(decision.overdue(LocalDate.of(2025, 2, 17))).isFalse(); // the due day itself is in time
        assertThat(decision.daysLeft(LocalDate.of(2025, 2, 18))).isEqualTo(-1L);
        assertThat(decision.overdue(LocalDate.of(2025, 2, 18))).isTrue();
    }

    @Test
    void each_step_names_the_limit_an_exception_is_recorded_against() {
        assertThat(StatutoryStep.DECISION_6_WEEKS.limit().name()).isEqualTo("DECISION_6_WEEKS");
        assertThat(StatutoryStep.NO_PLAN_DECISION_16_WEEKS.limit().name()).isEqualTo("NO_PLAN_16_WEEKS");
        assertThat(StatutoryStep.FINAL_PLAN_20_WEEKS.limit().name()).isEqualTo("FINAL_PLAN_20_WEEKS");
    }

    @Test
    void a_step_without_a_due_date_cannot_be_made() {
        assertThatThrownBy(() -> new NextStatutoryStep(StatutoryStep.DECISION_6_WEEKS, null, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NextStatutoryStep(null, null, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
