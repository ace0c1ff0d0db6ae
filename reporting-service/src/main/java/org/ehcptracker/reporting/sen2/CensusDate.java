package org.ehcptracker.reporting.sen2;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import org.ehcptracker.kit.domain.CommandRejected;

/**
 * The SEN2 census date: the third Thursday of January of the collection year (docs/sen2.md). The return covers the
 * calendar year before it ({@link #periodStart()} to {@link #periodEnd()}) and the plans active on the day itself.
 */
public record CensusDate(LocalDate date) {

    /** The census date of collection year {@code year}: its third Thursday of January. */
    public static CensusDate ofYear(int year) {
        return new CensusDate(LocalDate.of(year, 1, 1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.THURSDAY)));
    }

    /**
     * The census date the caller named, checked: present, a date, a third Thursday of January, not after today.
     *
     * @throws CommandRejected (400, field censusDate) otherwise
     */
    public static CensusDate parse(String value, LocalDate today) {
        if (value == null || value.isBlank()) {
            throw CommandRejected.invalid("censusDate", "censusDate is required, as yyyy-mm-dd (the third Thursday of January)");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw CommandRejected.invalid("censusDate", "censusDate '" + value + "' is not a date as yyyy-mm-dd");
        }
        CensusDate census = ofYear(date.getYear());
        if (!census.date().equals(date)) {
            throw CommandRejected.invalid("censusDate", "censusDate " + date + " is not a SEN2 census date (the third "
                    + "Thursday of January; in " + date.getYear() + ": " + census.date() + ")");
        }
        if (date.isAfter(today)) {
            throw CommandRejected.invalid("censusDate", "censusDate " + date + " is in the future");
        }
        return census;
    }

    public int collectionYear() {
        return date.getYear();
    }

    /** 1 January of the year before the collection year: the first day of the requests counted. */
    public LocalDate periodStart() {
        return LocalDate.of(date.getYear() - 1, 1, 1);
    }

    /** 31 December of the year before the collection year. */
    public LocalDate periodEnd() {
        return LocalDate.of(date.getYear() - 1, 12, 31);
    }

    public boolean inPeriod(LocalDate day) {
        return day != null && !day.isBefore(periodStart()) && !day.isAfter(periodEnd());
    }
}
