package org.ehcptracker.reporting.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.statutory.StatutoryClock;

/**
 * The pre-aggregated figures of table {@code council_month_figure}: for each council, calendar month and
 * {@link Measure}, a sum over its cases. {@link #contributions} is the single definition of what one case adds;
 * the projection keeps the table by deltas (a case's contributions after a batch minus those before it), so a
 * board query reads a few rows per council and month whatever the size of the history.
 *
 * <p>The 20-week measures follow {@link TimelinessFigures} exactly (initial requests only, by month of final-plan
 * issue, cases with a dispute about a refusal registered on or before the issue left out, "_EX" without cases
 * with a 20-week exception), so summing a year's months gives {@link TimelinessFigures#compute} for that year.
 */
public final class MonthlyFigures {

    private MonthlyFigures() {
    }

    /** What is counted; the names are the table's {@code measure} values. */
    public enum Measure {
        /** Final plans issued in the month (initial requests, disputes about a refusal left out). */
        PLANS_ISSUED,
        /** Of those, issued on day 140 or earlier. */
        ISSUED_WITHIN_20_WEEKS,
        /** Sum of their days from clock start to issue (the average weeks is this / 7 / plans). */
        DAYS_TO_ISSUE,
        /** {@link #PLANS_ISSUED} without cases with a 20-week exception (the DfE headline). */
        PLANS_ISSUED_EX,
        ISSUED_WITHIN_20_WEEKS_EX,
        DAYS_TO_ISSUE_EX,
        /**
         * Initial requests received in the month (by the date received) by the case's council: a case transferred
         * in was requested of another council, so it is not this council's request (nor, having no row under that
         * council, the other's).
         */
        REQUESTS_RECEIVED,
        /** Cases whose standing decision (the latest) is to assess, by the month of that decision. */
        DECIDED_TO_ASSESS,
        /** Cases whose standing decision is a refusal to assess, by the month of that decision. */
        DECIDED_NOT_TO_ASSESS
    }

    /** One cell of the table: council, first day of the month, measure. */
    public record Cell(String localAuthorityCode, LocalDate month, Measure measure) implements Comparable<Cell> {

        public Cell {
            Objects.requireNonNull(localAuthorityCode, "localAuthorityCode");
            Objects.requireNonNull(measure, "measure");
            month = YearMonth.from(month).atDay(1);
        }

        /** Council, month, measure: the order every writer takes the rows' locks in. */
        @Override
        public int compareTo(Cell o) {
            int c = localAuthorityCode.compareTo(o.localAuthorityCode);
            if (c == 0) {
                c = month.compareTo(o.month);
            }
            return c != 0 ? c : measure.compareTo(o.measure);
        }
    }

    /**
     * What one case adds to the table; empty for a case whose council is not known yet (only a plan-service or
     * advice event seen) and for a re-assessment (out of every DfE measure).
     */
    public static Map<Cell, Long> contributions(CaseProgress c) {
        Map<Cell, Long> out = new TreeMap<>();
        String la = c.localAuthorityCode();
        if (la == null || !c.initialRequest()) {
            return out;
        }
        if (c.receivedDate() != null && c.transferredInDate() == null) {
            add(out, la, c.receivedDate(), Measure.REQUESTS_RECEIVED, 1);
        }
        if (c.decision() != null && c.decisionDate() != null) {
            add(out, la, c.decisionDate(),
                    c.decision() == AssessmentDecision.ASSESS ? Measure.DECIDED_TO_ASSESS : Measure.DECIDED_NOT_TO_ASSESS, 1);
        }
        if (c.finalPlanIssuedDate() != null && !c.excludedFromTimeliness()) {
            LocalDate issued = c.finalPlanIssuedDate();
            long within = StatutoryClock.issuedWithin20Weeks(c.issueClockStart(), issued) ? 1 : 0;
            long days = StatutoryClock.daysElapsed(c.issueClockStart(), issued);
            add(out, la, issued, Measure.PLANS_ISSUED, 1);
            add(out, la, issued, Measure.ISSUED_WITHIN_20_WEEKS, within);
            add(out, la, issued, Measure.DAYS_TO_ISSUE, days);
            if (!c.has20WeekException()) {
                add(out, la, issued, Measure.PLANS_ISSUED_EX, 1);
                add(out, la, issued, Measure.ISSUED_WITHIN_20_WEEKS_EX, within);
                add(out, la, issued, Measure.DAYS_TO_ISSUE_EX, days);
            }
        }
        return out;
    }

    /**
     * What the table must add when cases change from {@code before} to {@code after} (each list holds the same
     * cases, in any order): the after contributions minus the before ones, cells that do not change left out, in
     * {@link Cell} order.
     */
    public static List<Map.Entry<Cell, Long>> delta(Collection<CaseProgress> before, Collection<CaseProgress> after) {
        Map<Cell, Long> sum = new TreeMap<>();
        for (CaseProgress c : after) {
            contributions(c).forEach((cell, v) -> sum.merge(cell, v, Long::sum));
        }
        for (CaseProgress c : before) {
            contributions(c).forEach((cell, v) -> sum.merge(cell, -v, Long::sum));
        }
        List<Map.Entry<Cell, Long>> out = new ArrayList<>();
        sum.forEach((cell, v) -> {
            if (v != 0) {
                out.add(Map.entry(cell, v));
            }
        });
        return out;
    }

    private static void add(Map<Cell, Long> out, String la, LocalDate day, Measure measure, long value) {
        if (value == 0) {
            return;
        }
        out.merge(new Cell(la, day, measure), value, Long::sum);
    }
}
