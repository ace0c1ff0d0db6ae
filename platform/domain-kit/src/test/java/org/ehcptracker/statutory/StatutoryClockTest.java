package org.ehcptracker.statutory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.junit.jupiter.api.Test;

/**
 * Every expected date is a literal worked out by hand (the counting is in the comment beside it),
 * never computed with java.time, so a wrong rule in StatutoryClock cannot agree with itself.
 * Day 0 is the start date; "Sep 30 = day 29" means 30 September is 29 days after the start.
 */
class StatutoryClockTest {

    // Monday 1 September 2025: a plain working-day start used for most limits.
    private static final LocalDate RECEIVED_MON_2025_09_01 = LocalDate.of(2025, 9, 1);

    @Test
    void decision_whether_to_assess_is_due_6_weeks_after_receipt() {
        // 42 days from Mon 1 Sep: Sep 30 = day 29, Oct 13 = day 42 -> Mon 13 Oct 2025
        assertThat(StatutoryClock.decisionToAssessDue(RECEIVED_MON_2025_09_01)).isEqualTo(LocalDate.of(2025, 10, 13));
    }

    @Test
    void advice_is_due_6_weeks_after_the_agency_received_the_request() {
        // 42 days from Mon 15 Sep: Sep 30 = day 15, Oct 27 = day 15 + 27 = 42 -> Mon 27 Oct 2025
        assertThat(StatutoryClock.adviceDue(LocalDate.of(2025, 9, 15))).isEqualTo(LocalDate.of(2025, 10, 27));
    }

    @Test
    void decision_not_to_issue_a_plan_is_due_16_weeks_after_receipt() {
        // 112 days from 1 Sep: Sep 30 = 29, Oct 31 = 60, Nov 30 = 90, Dec 22 = 112 -> Mon 22 Dec 2025
        assertThat(StatutoryClock.noPlanDecisionDue(RECEIVED_MON_2025_09_01)).isEqualTo(LocalDate.of(2025, 12, 22));
    }

    @Test
    void final_plan_is_due_20_weeks_after_receipt() {
        // 140 days from 1 Sep: Dec 22 = 112 (above), Dec 31 = 121, Jan 19 = 140 -> Mon 19 Jan 2026
        assertThat(StatutoryClock.finalPlanDue(RECEIVED_MON_2025_09_01)).isEqualTo(LocalDate.of(2026, 1, 19));
    }

    @Test
    void final_plan_after_reassessment_is_due_14_weeks_after_the_request() {
        // 98 days from 1 Sep: Nov 30 = 90, Dec 8 = 98 -> Mon 8 Dec 2025
        assertThat(StatutoryClock.reassessmentFinalPlanDue(RECEIVED_MON_2025_09_01)).isEqualTo(LocalDate.of(2025, 12, 8));
    }

    @Test
    void due_maps_each_exception_limit_to_its_deadline() {
        assertThat(StatutoryClock.due(StatutoryLimit.DECISION_6_WEEKS, RECEIVED_MON_2025_09_01))
                .isEqualTo(LocalDate.of(2025, 10, 13));
        assertThat(StatutoryClock.due(StatutoryLimit.NO_PLAN_16_WEEKS, RECEIVED_MON_2025_09_01))
                .isEqualTo(LocalDate.of(2025, 12, 22));
        assertThat(StatutoryClock.due(StatutoryLimit.FINAL_PLAN_20_WEEKS, RECEIVED_MON_2025_09_01))
                .isEqualTo(LocalDate.of(2026, 1, 19));
        // re-assessment (Reg 27), 98 days: Nov 30 = 90, Dec 8 = 98 -> Mon 8 Dec 2025
        assertThat(StatutoryClock.due(StatutoryLimit.FINAL_PLAN_14_WEEKS_REASSESSMENT, RECEIVED_MON_2025_09_01))
                .isEqualTo(LocalDate.of(2025, 12, 8));
    }

    @Test
    void parents_have_15_days_to_comment_on_the_draft() {
        // draft Mon 24 Nov 2025: Nov 30 = day 6, Dec 9 = day 15 -> Tue 9 Dec 2025
        assertThat(StatutoryClock.parentCommentsDue(LocalDate.of(2025, 11, 24))).isEqualTo(LocalDate.of(2025, 12, 9));
    }

    @Test
    void a_consulted_school_should_answer_within_15_days_even_across_new_year() {
        // consulted Mon 1 Dec 2025: Dec 16 = day 15
        assertThat(StatutoryClock.consultationResponseDue(LocalDate.of(2025, 12, 1))).isEqualTo(LocalDate.of(2025, 12, 16));
        // consulted Mon 22 Dec 2025: Dec 31 = day 9, Jan 6 = day 15 -> Tue 6 Jan 2026
        assertThat(StatutoryClock.consultationResponseDue(LocalDate.of(2025, 12, 22))).isEqualTo(LocalDate.of(2026, 1, 6));
    }

    @Test
    void annual_review_is_due_12_months_on_and_29_february_falls_back_to_28_february() {
        assertThat(StatutoryClock.annualReviewDue(LocalDate.of(2025, 3, 14))).isEqualTo(LocalDate.of(2026, 3, 14));
        // 2025 has no 29 Feb: the same day-of-month does not exist, so the last day of February
        assertThat(StatutoryClock.annualReviewDue(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2025, 2, 28));
        // into a leap year: 28 Feb stays 28 Feb, not the month end 29 Feb
        assertThat(StatutoryClock.annualReviewDue(LocalDate.of(2023, 2, 28))).isEqualTo(LocalDate.of(2024, 2, 28));
        // 12 months spanning 29 Feb 2024 are 366 days: 1 Mar 2023 -> 1 Mar 2024 (365 days would give 29 Feb)
        assertThat(StatutoryClock.annualReviewDue(LocalDate.of(2023, 3, 1))).isEqualTo(LocalDate.of(2024, 3, 1));
    }

    @Test
    void review_decision_is_due_4_weeks_after_the_meeting() {
        // meeting Tue 10 Jun 2025: Jun 30 = day 20, Jul 8 = day 28 -> Tue 8 Jul 2025
        assertThat(StatutoryClock.reviewDecisionDue(LocalDate.of(2025, 6, 10))).isEqualTo(LocalDate.of(2025, 7, 8));
    }

    @Test
    void amended_plan_is_due_8_weeks_after_a_timely_proposal() {
        // meeting Tue 10 Jun 2025, proposal Fri 20 Jun 2025.
        // proposal + 56: Jun 30 = 10, Jul 31 = 41, Aug 15 = 56 -> Fri 15 Aug 2025
        // meeting + 84: Jun 30 = 20, Jul 31 = 51, Aug 31 = 82, Sep 2 = 84 -> Tue 2 Sep 2025; the earlier wins
        assertThat(StatutoryClock.amendedPlanDue(LocalDate.of(2025, 6, 20), LocalDate.of(2025, 6, 10)))
                .isEqualTo(LocalDate.of(2025, 8, 15));
    }

    @Test
    void amended_plan_after_a_late_proposal_is_capped_at_12_weeks_from_the_meeting() {
        // meeting Tue 10 Jun 2025, proposal Tue 15 Jul 2025 (5 weeks on: the decision was late).
        // proposal + 56: Jul 31 = 16, Aug 31 = 47, Sep 9 = 56 -> Tue 9 Sep 2025
        // meeting + 84 = Tue 2 Sep 2025 (above): the cap wins
        assertThat(StatutoryClock.amendedPlanDue(LocalDate.of(2025, 7, 15), LocalDate.of(2025, 6, 10)))
                .isEqualTo(LocalDate.of(2025, 9, 2));
    }

    @Test
    void a_proposal_before_its_meeting_is_rejected() {
        assertThatThrownBy(() -> StatutoryClock.amendedPlanDue(LocalDate.of(2025, 6, 9), LocalDate.of(2025, 6, 10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void phase_transfer_deadlines_are_15_february_and_31_march_of_the_year_of_the_move() {
        assertThat(StatutoryClock.phaseTransferDeadline(2026, PhaseTransfer.PRIMARY_TO_SECONDARY))
                .isEqualTo(LocalDate.of(2026, 2, 15));
        assertThat(StatutoryClock.phaseTransferDeadline(2028, PhaseTransfer.EARLY_YEARS_TO_SCHOOL))
                .isEqualTo(LocalDate.of(2028, 2, 15));
        assertThat(StatutoryClock.phaseTransferDeadline(2026, PhaseTransfer.INFANT_TO_JUNIOR))
                .isEqualTo(LocalDate.of(2026, 2, 15));
        assertThat(StatutoryClock.phaseTransferDeadline(2026, PhaseTransfer.PRIMARY_TO_MIDDLE))
                .isEqualTo(LocalDate.of(2026, 2, 15));
        assertThat(StatutoryClock.phaseTransferDeadline(2026, PhaseTransfer.MIDDLE_TO_SECONDARY))
                .isEqualTo(LocalDate.of(2026, 2, 15));
        assertThat(StatutoryClock.phaseTransferDeadline(2026, PhaseTransfer.SECONDARY_TO_POST_16))
                .isEqualTo(LocalDate.of(2026, 3, 31));
    }

    // ---- the DfE 20-week measure

    @Test
    void issued_on_day_140_is_within_20_weeks_and_day_141_is_not() {
        // day 140 from Mon 1 Sep 2025 = Mon 19 Jan 2026 (see final_plan_is_due_20_weeks_after_receipt)
        assertThat(StatutoryClock.issuedWithin20Weeks(RECEIVED_MON_2025_09_01, LocalDate.of(2026, 1, 19))).isTrue();
        assertThat(StatutoryClock.issuedWithin20Weeks(RECEIVED_MON_2025_09_01, LocalDate.of(2026, 1, 20))).isFalse();
        assertThat(StatutoryClock.daysElapsed(RECEIVED_MON_2025_09_01, LocalDate.of(2026, 1, 19))).isEqualTo(140);
        assertThat(StatutoryClock.daysElapsed(RECEIVED_MON_2025_09_01, LocalDate.of(2026, 1, 20))).isEqualTo(141);
    }

    @Test
    void issued_on_the_day_of_receipt_is_day_0() {
        assertThat(StatutoryClock.daysElapsed(RECEIVED_MON_2025_09_01, RECEIVED_MON_2025_09_01)).isZero();
        assertThat(StatutoryClock.issuedWithin20Weeks(RECEIVED_MON_2025_09_01, RECEIVED_MON_2025_09_01)).isTrue();
    }

    @Test
    void leap_year_february_has_29_days_in_the_count() {
        // received Mon 15 Jan 2024: Jan 31 = day 16, Feb 29 = 45, Mar 31 = 76, Apr 30 = 106,
        // May 31 = 137, Jun 3 = 140 -> Mon 3 Jun 2024
        LocalDate received = LocalDate.of(2024, 1, 15);
        assertThat(StatutoryClock.finalPlanDue(received)).isEqualTo(LocalDate.of(2024, 6, 3));
        assertThat(StatutoryClock.issuedWithin20Weeks(received, LocalDate.of(2024, 6, 3))).isTrue();
        assertThat(StatutoryClock.issuedWithin20Weeks(received, LocalDate.of(2024, 6, 4))).isFalse();
        // the same start a year earlier (28-day February): Feb 28 = 44, Mar 31 = 75, Apr 30 = 105,
        // May 31 = 136, Jun 4 = 140 -> Sun 4 Jun 2023, one day later in the calendar
        assertThat(StatutoryClock.finalPlanDue(LocalDate.of(2023, 1, 15))).isEqualTo(LocalDate.of(2023, 6, 4));
    }

    @Test
    void a_request_received_on_a_sunday_counts_from_that_sunday() {
        // Sun 2 Mar 2025 is day 0, not Mon 3 Mar. Mar 31 = day 29, Apr 30 = 59, May 31 = 90,
        // Jun 30 = 120, Jul 20 = 140 -> Sun 20 Jul 2025 (20 whole weeks, so a Sunday again)
        LocalDate receivedSunday = LocalDate.of(2025, 3, 2);
        assertThat(StatutoryClock.finalPlanDue(receivedSunday)).isEqualTo(LocalDate.of(2025, 7, 20));
        assertThat(StatutoryClock.issuedWithin20Weeks(receivedSunday, LocalDate.of(2025, 7, 20))).isTrue();
        // the next working day is already day 141: late (it would be in time if day 0 were Monday)
        assertThat(StatutoryClock.issuedWithin20Weeks(receivedSunday, LocalDate.of(2025, 7, 21))).isFalse();
    }

    @Test
    void a_request_received_on_a_bank_holiday_counts_from_that_day() {
        // Thu 25 Dec 2025 (Christmas Day) is day 0. Dec 31 = 6, Jan 31 = 37, Feb 28 = 65, Mar 31 = 96,
        // Apr 30 = 126, May 14 = 140 -> Thu 14 May 2026
        assertThat(StatutoryClock.finalPlanDue(LocalDate.of(2025, 12, 25))).isEqualTo(LocalDate.of(2026, 5, 14));
        assertThat(StatutoryClock.issuedWithin20Weeks(LocalDate.of(2025, 12, 25), LocalDate.of(2026, 5, 15))).isFalse();
    }

    @Test
    void weeks_to_issue_is_days_over_seven() {
        assertThat(StatutoryClock.weeksToIssue(RECEIVED_MON_2025_09_01, LocalDate.of(2026, 1, 19))).isEqualTo(20.0);
        // 141 / 7 = 20.142857...
        assertThat(StatutoryClock.weeksToIssue(RECEIVED_MON_2025_09_01, LocalDate.of(2026, 1, 20)))
                .isCloseTo(20.142857, within(1e-6));
        // 1 Sep 2025 -> 1 Sep 2026 is 365 days = 52.142857 weeks: a "over 52 weeks" case
        assertThat(StatutoryClock.weeksToIssue(RECEIVED_MON_2025_09_01, LocalDate.of(2026, 9, 1)))
                .isCloseTo(52.142857, within(1e-6));
    }

    @Test
    void an_issue_date_before_the_request_is_rejected() {
        assertThatThrownBy(() -> StatutoryClock.issuedWithin20Weeks(RECEIVED_MON_2025_09_01, LocalDate.of(2025, 8, 31)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatutoryClock.weeksToIssue(RECEIVED_MON_2025_09_01, LocalDate.of(2025, 8, 31)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatutoryClock.daysElapsed(RECEIVED_MON_2025_09_01, LocalDate.of(2025, 8, 31)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
