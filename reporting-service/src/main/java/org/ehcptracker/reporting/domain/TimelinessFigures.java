package org.ehcptracker.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.ehcptracker.statutory.StatutoryClock;
import org.ehcptracker.kit.domain.CommandRejected;

/**
 * The DfE 20-week timeliness measure for one local authority and a period of final-plan issue
 * dates [from, to], both inclusive. Rules (docs/reporting.md, "The measures"):
 * <ul>
 * <li>a plan counts in the period when its final plan was issued on a day from {@code from} to {@code to};</li>
 * <li>it is within 20 weeks when issued on day 140 or earlier, counting from the clock start the
 *     FinalPlanIssued event carries (request received, or responsibility transferred in) as day 0
 *     ({@link StatutoryClock#issuedWithin20Weeks});</li>
 * <li>assessments that went to mediation or tribunal are left out of both measures: those with a dispute about a
 *     refusal to assess or to issue a plan registered on or before the issue date
 *     ({@link CaseProgress#excludedFromTimeliness()}); a dispute about the plan's contents, or one registered
 *     after the issue, changes nothing;</li>
 * <li>{@link #allPlans()} includes cases with a 20-week exception, {@link #excludingExceptions()} (the
 *     DfE headline) leaves them out;</li>
 * <li>re-assessments (Reg 27, {@link CaseProgress#reassessment()}) are not counted: the measure is about
 *     initial requests;</li>
 * <li>the percentage and the average weeks (days / 7, {@link StatutoryClock#weeksToIssue}) are rounded
 *     half-up to one decimal, and are null when no plan counts.</li>
 * </ul>
 */
public record TimelinessFigures(String localAuthorityCode,
        LocalDate from,
        LocalDate to,
        Measure allPlans,
        Measure excludingExceptions) {

    /** One variant of the measure. */
    public record Measure(int plansIssued,
            int issuedWithin20Weeks,
            BigDecimal percentWithin20Weeks,
            BigDecimal averageWeeksToIssue) {

        static Measure of(List<CaseProgress> plans) {
            int within = 0;
            long totalDays = 0;
            for (CaseProgress c : plans) {
                if (StatutoryClock.issuedWithin20Weeks(c.issueClockStart(), c.finalPlanIssuedDate())) {
                    within++;
                }
                totalDays += StatutoryClock.daysElapsed(c.issueClockStart(), c.finalPlanIssuedDate());
            }
            return counted(plans.size(), within, totalDays);
        }

        /**
         * The measure from its sums (as council_month_figure holds them): {@code n} plans, {@code within} of them
         * within 20 weeks, {@code totalDays} from clock start to issue over all of them.
         */
        public static Measure counted(int n, int within, long totalDays) {
            if (n == 0) {
                return new Measure(0, 0, null, null);
            }
            // summing whole days and dividing once is the mean of weeksToIssue (days / 7) without
            // floating-point error before the rounding
            BigDecimal percent = BigDecimal.valueOf(100L * within)
                    .divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
            BigDecimal averageWeeks = BigDecimal.valueOf(totalDays)
                    .divide(BigDecimal.valueOf(7L * n), 1, RoundingMode.HALF_UP);
            return new Measure(n, within, percent, averageWeeks);
        }
    }

    public TimelinessFigures {
        Objects.requireNonNull(localAuthorityCode, "localAuthorityCode");
        Objects.requireNonNull(allPlans, "allPlans");
        Objects.requireNonNull(excludingExceptions, "excludingExceptions");
        requirePeriod(from, to);
    }

    /**
     * Computes the figures from the cases' rows; rows of other LAs and cases without a final plan
     * are ignored.
     *
     * @throws CommandRejected (invalid, field "from") when from is after to
     */
    public static TimelinessFigures compute(String localAuthorityCode, LocalDate from, LocalDate to,
                                            Collection<CaseProgress> cases) {
        requirePeriod(from, to);
        List<CaseProgress> counted = cases.stream()
                .filter(c -> localAuthorityCode.equals(c.localAuthorityCode()))
                .filter(CaseProgress::initialRequest)
                .filter(c -> c.finalPlanIssuedDate() != null)
                .filter(c -> !c.finalPlanIssuedDate().isBefore(from) && !c.finalPlanIssuedDate().isAfter(to))
                .filter(c -> !c.excludedFromTimeliness())
                .toList();
        List<CaseProgress> withoutExceptions = counted.stream().filter(c -> !c.has20WeekException()).toList();
        return new TimelinessFigures(localAuthorityCode, from, to, Measure.of(counted), Measure.of(withoutExceptions));
    }

    static void requirePeriod(LocalDate from, LocalDate to) {
        if (from == null) {
            throw CommandRejected.invalid("from", "from is required, as yyyy-mm-dd");
        }
        if (to == null) {
            throw CommandRejected.invalid("to", "to is required, as yyyy-mm-dd");
        }
        if (from.isAfter(to)) {
            throw CommandRejected.invalid("from", "from " + from + " is after to " + to);
        }
    }
}
