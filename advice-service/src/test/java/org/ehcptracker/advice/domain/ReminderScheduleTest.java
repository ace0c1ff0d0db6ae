package org.ehcptracker.advice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.ehcptracker.advice.domain.ReminderSchedule.Reason;
import org.ehcptracker.advice.domain.ReminderSchedule.Reminder;
import org.junit.jupiter.api.Test;

/** When notices are owed: 7 days before, on the day, then weekly. Due 23 May 2025 (requested 11 April). */
class ReminderScheduleTest {

    static final ReminderSchedule WEEKLY = new ReminderSchedule(7, 7);
    static final LocalDate DUE = LocalDate.of(2025, 5, 23);

    @Test
    void nothing_before_the_week_before() {
        assertThat(WEEKLY.owed(AdviceRequestStatus.REQUESTED, DUE, LocalDate.of(2025, 5, 15))).isEmpty();
    }

    @Test
    void due_soon_from_16_may_under_one_name() {
        // 23 May - 7 days = 16 May; on 20 May it is still the notice of 16 May (the outbox adds it once)
        assertThat(WEEKLY.owed(AdviceRequestStatus.REQUESTED, DUE, LocalDate.of(2025, 5, 16)))
                .containsExactly(new Reminder(Reason.DUE_SOON, LocalDate.of(2025, 5, 16), 0));
        assertThat(WEEKLY.owed(AdviceRequestStatus.REQUESTED, DUE, LocalDate.of(2025, 5, 20)))
                .containsExactly(new Reminder(Reason.DUE_SOON, LocalDate.of(2025, 5, 16), 0));
    }

    @Test
    void on_the_due_date_then_weekly_with_how_late() {
        assertThat(WEEKLY.owed(AdviceRequestStatus.REQUESTED, DUE, DUE))
                .containsExactly(new Reminder(Reason.DUE_TODAY, DUE, 0));
        // 30 May: 7 days late; 2 June (10 days) still the notice of 30 May; 6 June: 14 days late
        assertThat(WEEKLY.owed(AdviceRequestStatus.REQUESTED, DUE, LocalDate.of(2025, 5, 30)))
                .containsExactly(new Reminder(Reason.OVERDUE, LocalDate.of(2025, 5, 30), 7));
        assertThat(WEEKLY.owed(AdviceRequestStatus.REQUESTED, DUE, LocalDate.of(2025, 6, 2)))
                .containsExactly(new Reminder(Reason.OVERDUE, LocalDate.of(2025, 5, 30), 7));
        assertThat(WEEKLY.owed(AdviceRequestStatus.REQUESTED, DUE, LocalDate.of(2025, 6, 6)))
                .containsExactly(new Reminder(Reason.OVERDUE, LocalDate.of(2025, 6, 6), 14));
    }

    @Test
    void across_a_month_end_and_a_leap_day() {
        // requested 25 January 2024, due 7 March 2024 (day 35 is 29 February); due soon on 29 February
        LocalDate due = LocalDate.of(2024, 3, 7);
        assertThat(WEEKLY.owed(AdviceRequestStatus.REQUESTED, due, LocalDate.of(2024, 2, 29)))
                .containsExactly(new Reminder(Reason.DUE_SOON, LocalDate.of(2024, 2, 29), 0));
    }

    @Test
    void answered_or_cancelled_requests_owe_nothing() {
        assertThat(WEEKLY.owed(AdviceRequestStatus.SUBMITTED, DUE, LocalDate.of(2025, 5, 30))).isEmpty();
        assertThat(WEEKLY.owed(AdviceRequestStatus.CANCELLED, DUE, LocalDate.of(2025, 5, 30))).isEmpty();
    }
}
