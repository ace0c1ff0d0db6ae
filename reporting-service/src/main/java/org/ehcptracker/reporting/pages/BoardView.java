package org.ehcptracker.reporting.pages;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ehcptracker.reporting.domain.BoardMeasures;
import org.ehcptracker.reporting.domain.BoardReport;

/**
 * The board report as the dashboard shows it: the figures of {@link BoardReport} (computed there, never here) put
 * into words, tiles, charts and table rows.
 */
public record BoardView(String council, List<Tile> tiles, LineChart monthlyChart, List<MonthRow> months,
                        LineChart backlogChart, List<BacklogRow> backlogTrend, List<AdviceRow> adviceByAgency,
                        String latePlans, String mostOftenLate, List<StageRow> stages, List<Figure> reviews,
                        List<Figure> quality) {

    /** A headline figure: {@code id} for tests and links, its label, the figure, and what it is out of. */
    public record Tile(String id, String label, String value, String detail) {
    }

    public record MonthRow(String month, int plansIssued, int within20Weeks, String percentExcluding,
                           String percentIncluding, String rolling12MonthsExcluding) {
    }

    public record BacklogRow(String asOf, int open, int past20Weeks, int past30Weeks, int past52Weeks) {
    }

    public record AdviceRow(String agency, int returned, int within6Weeks, String percent, String averageDays) {
    }

    public record StageRow(String stage, int plans, String medianDays, int crossedDeadline) {
    }

    public record Figure(String label, String value) {
    }

    static final String NONE = "none";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

    /** What the council code means in a heading. */
    static String council(String la) {
        return BoardReport.ALL.equals(la) ? "All councils" : "Council " + la;
    }

    static BoardView of(BoardReport r) {
        List<MonthRow> months = r.months().stream().map(m -> new MonthRow(m.month().atDay(1).format(MONTH),
                m.plans().includingExceptions().plansIssued(), m.plans().excludingExceptions().issuedWithin20Weeks(),
                percent(m.plans().excludingExceptions().percentWithin20Weeks()),
                percent(m.plans().includingExceptions().percentWithin20Weeks()),
                percent(m.rolling12Months().excludingExceptions().percentWithin20Weeks()))).toList();
        LineChart monthly = new LineChart("chart-20-weeks", "Plans issued within 20 weeks, by month",
                months.stream().map(MonthRow::month).toList(),
                List.of(new LineChart.Series("Plans issued that month", r.months().stream()
                                .map(m -> m.plans().excludingExceptions().percentWithin20Weeks()).toList()),
                        new LineChart.Series("Rolling 12 months", r.months().stream()
                                .map(m -> m.rolling12Months().excludingExceptions().percentWithin20Weeks()).toList())),
                BigDecimal.valueOf(100), "%");
        List<BacklogRow> trend = r.backlogTrend().stream().map(b -> new BacklogRow(day(b.asOf()), b.open(),
                b.past20Weeks(), b.past30Weeks(), b.past52Weeks())).toList();
        LineChart backlog = new LineChart("chart-backlog", "Open assessments (the backlog)",
                trend.stream().map(BacklogRow::asOf).toList(),
                List.of(new LineChart.Series("Open", r.backlogTrend().stream()
                                .map(b -> BigDecimal.valueOf(b.open())).toList()),
                        new LineChart.Series("Open past 20 weeks", r.backlogTrend().stream()
                                .map(b -> BigDecimal.valueOf(b.past20Weeks())).toList())),
                null, "");
        List<AdviceRow> advice = r.adviceByAgency().stream().map(a -> new AdviceRow(a.key(), a.returned(),
                a.within6Weeks(), percent(a.percentWithin6Weeks()), number(a.averageDays()))).toList();
        BoardMeasures.TimeLost lost = r.timeLost();
        List<StageRow> stages = lost.stages().stream().map(s -> new StageRow(stage(s.stage()), s.plans(),
                number(s.medianDays()), s.crossedDeadline())).toList();
        BoardMeasures.AnnualReviews reviews = r.annualReviews();
        return new BoardView(council(r.localAuthorityCode()), tiles(r.twentyWeeks(), r.decisionsToAssess(),
                r.backlog(), r.epBacklog()), monthly, months, backlog, trend, advice,
                String.valueOf(lost.latePlans()), lost.mostOftenLate() == null ? NONE : stage(lost.mostOftenLate()),
                stages, List.of(
                        new Figure("Reviews due", String.valueOf(reviews.reviewsDue())),
                        new Figure("Review meetings held by the due date",
                                outOf(reviews.dueHeldOnTime(), reviews.reviewsDue(), reviews.percentDueHeldOnTime())),
                        new Figure("Review meetings held", String.valueOf(reviews.meetingsHeld())),
                        new Figure("Review decisions within 4 weeks of the meeting", outOf(
                                reviews.decidedWithin4Weeks(), reviews.decided(), reviews.percentDecidedWithin4Weeks())),
                        new Figure("Amended plans issued by their due date", outOf(reviews.amendmentsWithinDue(),
                                reviews.amendmentsIssued(), reviews.percentAmendmentsWithinDue())),
                        new Figure("Phase transfers amended by the deadline", outOf(
                                reviews.phaseTransfersAmendedByDeadline(), reviews.phaseTransfersDue(),
                                reviews.percentPhaseTransfersAmendedByDeadline())),
                        new Figure("Plans ceased", String.valueOf(reviews.ceasedByReason().stream()
                                .mapToInt(BoardMeasures.CeasedCount::ceased).sum()))),
                quality(r.planQuality()));
    }

    /** Plan quality audits: each grade out of the plans audited (by their latest audit), and the average score. */
    static List<Figure> quality(BoardMeasures.PlanQuality q) {
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("Quality audits done", String.valueOf(q.auditsDone())));
        figures.add(new Figure("Plans audited", String.valueOf(q.plansAudited())));
        for (BoardMeasures.GradeCount g : q.byGrade()) {
            figures.add(new Figure(grade(g.key()), outOf(g.plans(), q.plansAudited(), g.percent())));
        }
        figures.add(new Figure("Average score (out of 100)", number(q.averageScore())));
        return figures;
    }

    private static String grade(String code) {
        return switch (code) {
            case "OUTSTANDING" -> "Graded outstanding";
            case "GOOD" -> "Graded good";
            case "REQUIRES_IMPROVEMENT" -> "Graded requires improvement";
            case "INADEQUATE" -> "Graded inadequate";
            default -> "Graded " + code;
        };
    }

    /** The headline tiles: the same on the page and in the live fragment. */
    static List<Tile> tiles(BoardMeasures.TwentyWeekFigures plans, BoardMeasures.Decisions decisions,
                            BoardMeasures.Backlog backlog, BoardMeasures.EpBacklog ep) {
        BoardMeasures.TwentyWeeks excluding = plans.excludingExceptions();
        BoardMeasures.TwentyWeeks including = plans.includingExceptions();
        List<Tile> tiles = new ArrayList<>();
        tiles.add(new Tile("within-20-weeks-excluding", "Plans within 20 weeks, excluding exceptions",
                percent(excluding.percentWithin20Weeks()),
                excluding.issuedWithin20Weeks() + " of " + excluding.plansIssued() + " plans"));
        tiles.add(new Tile("within-20-weeks-including", "Plans within 20 weeks, including exceptions",
                percent(including.percentWithin20Weeks()),
                including.issuedWithin20Weeks() + " of " + including.plansIssued() + " plans"));
        tiles.add(new Tile("plans-issued", "Plans issued", String.valueOf(including.plansIssued()),
                "including " + (including.plansIssued() - excluding.plansIssued()) + " exception cases"));
        tiles.add(new Tile("average-weeks", "Average weeks to issue", number(excluding.averageWeeksToIssue()),
                "excluding exceptions"));
        tiles.add(new Tile("median-weeks", "Median weeks to issue", number(excluding.medianWeeksToIssue()),
                "excluding exceptions"));
        tiles.add(new Tile("decisions-within-6-weeks", "Decisions to assess within 6 weeks",
                percent(decisions.percentWithin6Weeks()),
                decisions.within6Weeks() + " of " + decisions.decided() + " decisions"));
        tiles.add(new Tile("backlog-open", "Open assessments", String.valueOf(backlog.open()),
                "on " + day(backlog.asOf())));
        tiles.add(new Tile("backlog-past-20-weeks", "Open past 20 weeks", String.valueOf(backlog.past20Weeks()),
                "on " + day(backlog.asOf())));
        tiles.add(new Tile("backlog-past-30-weeks", "Open past 30 weeks", String.valueOf(backlog.past30Weeks()),
                "on " + day(backlog.asOf())));
        tiles.add(new Tile("backlog-past-52-weeks", "Open past 52 weeks", String.valueOf(backlog.past52Weeks()),
                "on " + day(backlog.asOf())));
        tiles.add(new Tile("ep-backlog", "Educational psychology advice owed", String.valueOf(ep.open()),
                ep.overdue() + " past 6 weeks"));
        return tiles;
    }

    static String percent(BigDecimal value) {
        return value == null ? NONE : value.toPlainString() + "%";
    }

    static String number(BigDecimal value) {
        return value == null ? NONE : value.toPlainString();
    }

    static String day(LocalDate date) {
        return date.format(DAY);
    }

    private static String outOf(int count, int of, BigDecimal percent) {
        return count + " of " + of + (percent == null ? "" : " (" + percent.toPlainString() + "%)");
    }

    private static String stage(BoardMeasures.Stage stage) {
        return switch (stage) {
            case DECISION -> "Decision to assess (by week 6)";
            case ADVICE -> "Advice (6 weeks each)";
            case DRAFT -> "Draft plan (by week 14)";
            case FINAL -> "Final plan (by week 20)";
        };
    }
}
