package org.ehcptracker.reporting.forecast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * The measures a forecast gives for one calendar month, over {@link PipelineCase}s: the backlog on the month's
 * last day (open, and open past 20 / 30 / 52 weeks: more than 140 / 210 / 364 days, as {@code BacklogView}), the
 * EP advice owed that day, and the plans issued in the month with how many were within 20 weeks (day 140 or
 * earlier), including and excluding cases with a 20-week exception. Percentages are null when no plan counts.
 */
public record PipelineMeasures(YearMonth month, int open, int past20Weeks, int past30Weeks, int past52Weeks,
                               int epBacklog, int plansIssued, int within20Weeks, int plansExcludingExceptions,
                               int within20WeeksExcludingExceptions) {

    /** The measures of {@code month} over {@code cases}. */
    public static PipelineMeasures of(YearMonth month, Collection<PipelineCase> cases) {
        LocalDate end = month.atEndOfMonth();
        LocalDate first = month.atDay(1);
        int open = 0, p20 = 0, p30 = 0, p52 = 0, ep = 0, issued = 0, within = 0, issuedEx = 0, withinEx = 0;
        for (PipelineCase c : cases) {
            if (c.openOn(end)) {
                open++;
                long days = ChronoUnit.DAYS.between(c.clockStart(), end);
                p20 += days > 140 ? 1 : 0;
                p30 += days > 210 ? 1 : 0;
                p52 += days > 364 ? 1 : 0;
            }
            if (c.epOwedOn(end)) {
                ep++;
            }
            if (c.issued() != null && !c.issued().isBefore(first) && !c.issued().isAfter(end)) {
                boolean inTime = ChronoUnit.DAYS.between(c.clockStart(), c.issued()) <= 140;
                issued++;
                within += inTime ? 1 : 0;
                if (!c.exception()) {
                    issuedEx++;
                    withinEx += inTime ? 1 : 0;
                }
            }
        }
        return new PipelineMeasures(month, open, p20, p30, p52, ep, issued, within, issuedEx, withinEx);
    }

    /** Within 20 weeks as a percentage of plans issued (all plans), or null without plans. */
    public Double percentWithin20Weeks() {
        return plansIssued == 0 ? null : 100.0 * within20Weeks / plansIssued;
    }

    /** The DfE headline: excluding cases with a 20-week exception; null without such plans. */
    public Double percentWithin20WeeksExcludingExceptions() {
        return plansExcludingExceptions == 0 ? null : 100.0 * within20WeeksExcludingExceptions / plansExcludingExceptions;
    }

    /** The value of one measure. */
    public Double value(Measure measure) {
        return switch (measure) {
            case OPEN -> (double) open;
            case PAST_20_WEEKS -> (double) past20Weeks;
            case PAST_30_WEEKS -> (double) past30Weeks;
            case PAST_52_WEEKS -> (double) past52Weeks;
            case EP_BACKLOG -> (double) epBacklog;
            case PLANS_ISSUED -> (double) plansIssued;
            case PERCENT_WITHIN_20_WEEKS -> percentWithin20Weeks();
            case PERCENT_WITHIN_20_WEEKS_EXCLUDING_EXCEPTIONS -> percentWithin20WeeksExcludingExceptions();
        };
    }

    /** The measures forecast, each with a band. */
    public enum Measure {
        OPEN, PAST_20_WEEKS, PAST_30_WEEKS, PAST_52_WEEKS, EP_BACKLOG, PLANS_ISSUED, PERCENT_WITHIN_20_WEEKS,
        PERCENT_WITHIN_20_WEEKS_EXCLUDING_EXCEPTIONS
    }
}
