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
                        String latePlans, String mostOftenLate, List<StageRow> stages, List<Section> sections) {

    /** A headline figure: {@code id} for tests and links, its label, the figure, and what it is out of. */
    public record Tile(String id, String label, String value, String detail) {
    }

    public record MonthRow(String month, int plansIssued, int within20Weeks, String percentExcluding,
                           String percentIncluding, String rolling12MonthsExcluding) {
    }

    public record BacklogRow(String asOf, int open, int past20Weeks, int past30Weeks, int past52Weeks) {
    }

    public record AdviceRow(String agency, int returned, int within6Weeks, String percent, String averageDays, int reused) {
    }

    public record StageRow(String stage, int plans, String medianDays, int crossedDeadline) {
    }

    public record Figure(String label, String value) {
    }

    /**
     * A section of figures shown as a summary list under its heading ({@code id} for links and tests), with a table
     * of criteria below it when it has some (plan quality).
     */
    public record Section(String id, String heading, List<Figure> figures, List<CriterionRow> criteria) {
    }

    /** One quality criterion: the plans whose latest audit scored it, and their mean score on its own scale. */
    public record CriterionRow(String criterion, int plans, String averageScore) {
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
                a.within6Weeks(), percent(a.percentWithin6Weeks()), number(a.averageDays()), a.reused())).toList();
        BoardMeasures.TimeLost lost = r.timeLost();
        List<StageRow> stages = lost.stages().stream().map(s -> new StageRow(stage(s.stage()), s.plans(),
                number(s.medianDays()), s.crossedDeadline())).toList();
        BoardMeasures.AnnualReviews reviews = r.annualReviews();
        return new BoardView(council(r.localAuthorityCode()), tiles(r), monthly, months, backlog, trend, advice,
                String.valueOf(lost.latePlans()), lost.mostOftenLate() == null ? NONE : stage(lost.mostOftenLate()),
                stages, List.of(new Section("reviews", "Annual reviews", List.of(
                        new Figure("Plans in force at the end of the period", String.valueOf(reviews.plansInForce())),
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
                                .mapToInt(BoardMeasures.CeasedCount::ceased).sum()))), List.of()),
                        new Section("plan-quality", "Plan quality audits", quality(r.planQuality()),
                                r.planQuality().byCriterion().stream().map(c -> new CriterionRow(criterion(c.key()),
                                        c.plans(), number(c.averageScore()))).toList()),
                        new Section("reassessments", "Re-assessments: final plans within 14 weeks",
                                reassessments(r.reassessments()), List.of())));
    }

    /** Re-assessments' final plans (Reg 27, 14 weeks), both ways, with their weeks. */
    static List<Figure> reassessments(BoardMeasures.ReassessmentFigures f) {
        BoardMeasures.FourteenWeeks excluding = f.excludingExceptions();
        BoardMeasures.FourteenWeeks including = f.includingExceptions();
        return List.of(
                new Figure("Plans issued after a re-assessment", String.valueOf(including.plansIssued())),
                new Figure("Within 14 weeks, excluding exceptions", outOf(excluding.issuedWithin14Weeks(),
                        excluding.plansIssued(), excluding.percentWithin14Weeks())),
                new Figure("Within 14 weeks, including exceptions", outOf(including.issuedWithin14Weeks(),
                        including.plansIssued(), including.percentWithin14Weeks())),
                new Figure("Average weeks to issue, excluding exceptions", number(excluding.averageWeeksToIssue())),
                new Figure("Median weeks to issue, excluding exceptions", number(excluding.medianWeeksToIssue())));
    }

    /** A criterion code in words: plan-service's default codes by name, any other (a council's own) as written. */
    static String criterion(String code) {
        return switch (code) {
            case "CHILD_VIEWS_AND_ASPIRATIONS" -> "Views and aspirations of the child and family";
            case "SMART_OUTCOMES" -> "SMART outcomes";
            case "PROVISION_SPECIFIC_AND_QUANTIFIED" -> "Provision specific and quantified";
            case "ASPIRATIONS_TO_PROVISION_THREAD" -> "A thread from aspirations to needs, outcomes and provision";
            case "HEALTH_AND_SOCIAL_CARE" -> "Health and social care sections";
            case "PREPARATION_FOR_ADULTHOOD" -> "Preparation for adulthood";
            case "KEPT_CURRENT" -> "Plan kept current";
            default -> code;
        };
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

    /**
     * The headline tiles: the same on the page and in the live fragment. The DfE measures, the backlogs, then the
     * re-assessments' 14 weeks, annual reviews on time and plan quality, so the live page shows those change too.
     */
    static List<Tile> tiles(BoardReport r) {
        List<Tile> tiles = tiles(r.twentyWeeks(), r.decisionsToAssess(), r.backlog(), r.epBacklog());
        BoardMeasures.FourteenWeeks re = r.reassessments().excludingExceptions();
        tiles.add(new Tile("reassessments-within-14-weeks", "Re-assessment plans within 14 weeks, excluding exceptions",
                percent(re.percentWithin14Weeks()), re.issuedWithin14Weeks() + " of " + re.plansIssued() + " plans"));
        BoardMeasures.AnnualReviews reviews = r.annualReviews();
        tiles.add(new Tile("reviews-on-time", "Annual reviews held by their due date",
                percent(reviews.percentDueHeldOnTime()), reviews.dueHeldOnTime() + " of " + reviews.reviewsDue()
                        + " reviews due"));
        tiles.add(new Tile("review-decisions-within-4-weeks", "Review decisions within 4 weeks",
                percent(reviews.percentDecidedWithin4Weeks()), reviews.decidedWithin4Weeks() + " of "
                        + reviews.decided() + " decisions"));
        BoardMeasures.PlanQuality quality = r.planQuality();
        tiles.add(new Tile("plans-good-or-outstanding", "Audited plans good or outstanding",
                percent(quality.percentGoodOrOutstanding()), quality.plansGoodOrOutstanding() + " of "
                        + quality.plansAudited() + " plans audited"));
        return tiles;
    }

    private static List<Tile> tiles(BoardMeasures.TwentyWeekFigures plans, BoardMeasures.Decisions decisions,
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
