package org.ehcptracker.statutory;

import java.time.MonthDay;

/**
 * A move between phases of education (Reg 18). The amended plan naming the new setting is due
 * by a fixed date in the calendar year of the move.
 */
public enum PhaseTransfer {
    EARLY_YEARS_TO_SCHOOL(MonthDay.of(2, 15)),
    INFANT_TO_JUNIOR(MonthDay.of(2, 15)),
    PRIMARY_TO_MIDDLE(MonthDay.of(2, 15)),
    PRIMARY_TO_SECONDARY(MonthDay.of(2, 15)),
    MIDDLE_TO_SECONDARY(MonthDay.of(2, 15)),
    SECONDARY_TO_POST_16(MonthDay.of(3, 31));

    private final MonthDay deadline;

    PhaseTransfer(MonthDay deadline) {
        this.deadline = deadline;
    }

    /** Day and month by which the amended plan must be issued. */
    public MonthDay deadline() {
        return deadline;
    }
}
