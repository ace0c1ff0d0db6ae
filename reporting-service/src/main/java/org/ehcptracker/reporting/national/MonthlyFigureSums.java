package org.ehcptracker.reporting.national;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.ehcptracker.reporting.domain.MonthlyFigures.Measure;
import org.ehcptracker.reporting.domain.TimelinessFigures;

/**
 * Sums of council_month_figure's measures over some cells (a council's months, a year, every council), and the
 * figures they make. What a row of the national table and of a monthly trend shows.
 */
public final class MonthlyFigureSums {

    private final Map<Measure, Long> sums = new EnumMap<>(Measure.class);

    void add(Measure measure, long value) {
        sums.merge(measure, value, Long::sum);
    }

    void addAll(MonthlyFigureSums other) {
        other.sums.forEach(this::add);
    }

    long get(Measure measure) {
        return sums.getOrDefault(measure, 0L);
    }

    /** The 20-week measure including cases with an exception. */
    TimelinessFigures.Measure allPlans() {
        return TimelinessFigures.Measure.counted(Math.toIntExact(get(Measure.PLANS_ISSUED)),
                Math.toIntExact(get(Measure.ISSUED_WITHIN_20_WEEKS)), get(Measure.DAYS_TO_ISSUE));
    }

    /** The DfE headline: without cases with a 20-week exception. */
    TimelinessFigures.Measure excludingExceptions() {
        return TimelinessFigures.Measure.counted(Math.toIntExact(get(Measure.PLANS_ISSUED_EX)),
                Math.toIntExact(get(Measure.ISSUED_WITHIN_20_WEEKS_EX)), get(Measure.DAYS_TO_ISSUE_EX));
    }

    /** As a response row, for the period or council named by {@code label}'s caller. */
    Figures figures() {
        TimelinessFigures.Measure all = allPlans();
        return new Figures(all.plansIssued(), all.issuedWithin20Weeks(), all.percentWithin20Weeks(),
                all.averageWeeksToIssue(), excludingExceptions(), get(Measure.REQUESTS_RECEIVED),
                get(Measure.DECIDED_TO_ASSESS), get(Measure.DECIDED_NOT_TO_ASSESS));
    }

    /**
     * The figures of a council (or all) over some months: the 20-week measure including exception cases (top
     * level) and without them, initial requests received, and decisions whether to assess by the month they were
     * made (the standing decision of each case).
     */
    public record Figures(int plansIssued, int issuedWithin20Weeks, BigDecimal percentWithin20Weeks,
                          BigDecimal averageWeeksToIssue, TimelinessFigures.Measure excludingExceptions,
                          long requestsReceived, long decidedToAssess, long decidedNotToAssess) {
    }
}
