package org.ehcptracker.reporting.forecast;

import java.time.LocalDate;

/**
 * The parts of the English school year whose request volumes differ: schools make most requests in term, fewest in
 * the summer holiday. Coarser than months on purpose: two years of a council's weeks give each period enough weeks
 * to estimate a factor (a month would have eight or nine).
 */
public enum SchoolPeriod {
    /** September to December. */
    AUTUMN_TERM,
    /** January to March. */
    SPRING_TERM,
    /** April to July. */
    SUMMER_TERM,
    /** August. */
    SUMMER_HOLIDAY;

    public static SchoolPeriod of(LocalDate day) {
        return switch (day.getMonth()) {
            case SEPTEMBER, OCTOBER, NOVEMBER, DECEMBER -> AUTUMN_TERM;
            case JANUARY, FEBRUARY, MARCH -> SPRING_TERM;
            case APRIL, MAY, JUNE, JULY -> SUMMER_TERM;
            case AUGUST -> SUMMER_HOLIDAY;
        };
    }

    /** The share of a year's days in this period (the weights under which the seasonal factors average 1). */
    public double shareOfYear() {
        return switch (this) {
            case AUTUMN_TERM -> 122 / 365.0;
            case SPRING_TERM -> 90.25 / 365.0;
            case SUMMER_TERM -> 122 / 365.0;
            case SUMMER_HOLIDAY -> 31 / 365.0;
        };
    }
}
