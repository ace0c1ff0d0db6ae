package org.ehcptracker.reporting.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;

/**
 * Requests a week: a straight-line trend times the school-year factor of the week,
 * {@code max(0, perWeekAtReference + trendPerWeek × weeks since reference) × factor(period)}. The factors average
 * 1 over a year (weighted by {@link SchoolPeriod#shareOfYear()}), so {@code perWeekAtReference} is the
 * de-seasonalised rate on the reference day (the end of the window it was fitted on).
 */
public record ArrivalModel(LocalDate reference, double perWeekAtReference, double trendPerWeek,
                           Map<SchoolPeriod, Double> seasonalFactors) {

    public ArrivalModel {
        seasonalFactors = Map.copyOf(new EnumMap<>(seasonalFactors));
    }

    /** No trend and no season: {@code perWeek} every week. */
    public static ArrivalModel flat(LocalDate reference, double perWeek) {
        Map<SchoolPeriod, Double> ones = new EnumMap<>(SchoolPeriod.class);
        for (SchoolPeriod p : SchoolPeriod.values()) {
            ones.put(p, 1.0);
        }
        return new ArrivalModel(reference, perWeek, 0, ones);
    }

    /** The expected requests in the week starting on {@code weekStart}. */
    public double perWeek(LocalDate weekStart) {
        double weeks = ChronoUnit.DAYS.between(reference, weekStart) / 7.0;
        return Math.max(0, perWeekAtReference + trendPerWeek * weeks) * factor(weekStart.plusDays(3));
    }

    public double factor(LocalDate day) {
        return seasonalFactors.getOrDefault(SchoolPeriod.of(day), 1.0);
    }

    /** The same model with every week's requests multiplied by {@code factor} (a what-if change in arrivals). */
    public ArrivalModel times(double factor) {
        return new ArrivalModel(reference, perWeekAtReference * factor, trendPerWeek * factor, seasonalFactors);
    }
}
