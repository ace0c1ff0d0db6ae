package org.ehcptracker.advice.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When an agency is reminded of an open advice request: {@code daysBefore} days before the due date
 * (DUE_SOON), on the due date (DUE_TODAY), then every {@code overdueEvery} days after it while still open
 * (OVERDUE). Pure: what is owed as of {@code today}, each with the date that names it, so that the outbox's
 * unique key (request, reason, date) makes planning the same day twice add nothing. Only the latest notice
 * of each kind is owed: after downtime an agency gets one overdue notice, not one per missed week.
 */
public record ReminderSchedule(int daysBefore, int overdueEvery) {

    public ReminderSchedule {
        if (daysBefore < 1 || overdueEvery < 1) {
            throw new IllegalArgumentException("daysBefore and overdueEvery must be at least 1");
        }
    }

    public enum Reason { DUE_SOON, DUE_TODAY, OVERDUE }

    /** One notice owed: why, the date it belongs to, and how late the request is on that date. */
    public record Reminder(Reason reason, LocalDate reasonDate, long daysLate) {
    }

    /** The notices owed for an open request due on {@code dueDate}, as of {@code today}. */
    public List<Reminder> owed(AdviceRequestStatus status, LocalDate dueDate, LocalDate today) {
        Objects.requireNonNull(dueDate, "dueDate");
        List<Reminder> owed = new ArrayList<>();
        if (status != AdviceRequestStatus.REQUESTED) {
            return owed;
        }
        LocalDate soon = dueDate.minusDays(daysBefore);
        if (!today.isBefore(soon) && today.isBefore(dueDate)) {
            owed.add(new Reminder(Reason.DUE_SOON, soon, 0));
        }
        long late = ChronoUnit.DAYS.between(dueDate, today);
        if (late >= 0 && late < overdueEvery) {
            owed.add(new Reminder(Reason.DUE_TODAY, dueDate, 0));
        }
        if (late >= overdueEvery) {
            long weeks = late / overdueEvery;
            LocalDate latest = dueDate.plusDays(weeks * overdueEvery);
            owed.add(new Reminder(Reason.OVERDUE, latest, weeks * overdueEvery));
        }
        return owed;
    }
}
