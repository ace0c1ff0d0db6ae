package org.ehcptracker.reporting.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ehcptracker.reporting.domain.BoardMeasures.AdviceFigures;
import org.ehcptracker.reporting.domain.BoardMeasures.Backlog;
import org.ehcptracker.reporting.domain.BoardMeasures.Decisions;
import org.ehcptracker.reporting.domain.BoardMeasures.DisputeCount;
import org.ehcptracker.reporting.domain.BoardMeasures.EpBacklog;
import org.ehcptracker.reporting.domain.BoardMeasures.Month;
import org.ehcptracker.reporting.domain.BoardMeasures.NoPlanDecisions;
import org.ehcptracker.reporting.domain.BoardMeasures.TrendStep;
import org.ehcptracker.reporting.domain.BoardMeasures.TwentyWeekFigures;

/**
 * Every board measure for one council ({@code localAuthorityCode}) or all ({@code "all"}) over [from, to], the
 * backlogs as of {@code to}, from the events known on {@code knownOn} (null: everything recorded so far).
 */
public record BoardReport(String localAuthorityCode,
        LocalDate from,
        LocalDate to,
        Instant knownOn,
        TwentyWeekFigures twentyWeeks,
        BoardMeasures.ReassessmentFigures reassessments,
        Backlog backlog,
        Decisions decisionsToAssess,
        NoPlanDecisions noPlanDecisions,
        List<Month> months,
        List<Backlog> backlogTrend,
        List<AdviceFigures> adviceByAgency,
        List<AdviceFigures> adviceByType,
        EpBacklog epBacklog,
        List<EpBacklog> epBacklogTrend,
        List<DisputeCount> disputes,
        BoardMeasures.TimeLost timeLost,
        BoardMeasures.AnnualReviews annualReviews,
        BoardMeasures.PlanQuality planQuality,
        Ranks ranks) {

    /** The code that asks for every council together. */
    public static final String ALL = "all";

    /** A council's place among all councils with a value (1 = best; ties share a place); null for "all". */
    public record Rank(Integer rank, int councils) {
    }

    /** Ranks on the headline measures. */
    public record Ranks(Rank percentWithin20WeeksExcludingExceptions, Rank percentDecisionsWithin6Weeks,
                        Rank medianWeeksOpen) {
    }

    /**
     * What one council is ranked on for a ratio: {@code counted} cases, {@code within} of them in time. Tallies of one
     * council from different sources (SQL over case_progress, the fold of a few cases) add up.
     */
    public record Tally(long counted, long within) {

        public Tally plus(Tally other) {
            return other == null ? this : new Tally(counted + other.counted, within + other.within);
        }

        /** within / counted in percent, as the board shows it ({@link BoardMeasures#percent}). */
        public BigDecimal percent() {
            return BoardMeasures.percent(within, counted);
        }
    }

    /**
     * Every council's tallies on the ranked measures, by council; a council without a case counted is absent:
     * plans within 20 weeks excluding exceptions, decisions within 6 weeks, and the days open of its backlog.
     */
    public record RankTallies(Map<String, Tally> twentyWeeksExcludingExceptions, Map<String, Tally> decisions,
                              Map<String, List<Long>> daysOpen) {

        /** The values they give: percentages and the median weeks open ({@link BoardMeasures#medianWeeks}). */
        public RankValues values() {
            Map<String, BigDecimal> median = new TreeMap<>();
            daysOpen.forEach((la, days) -> median.put(la, BoardMeasures.medianWeeks(days)));
            return new RankValues(percents(twentyWeeksExcludingExceptions), percents(decisions), median);
        }

        /** Each council's {@link Tally#percent()}. */
        public static Map<String, BigDecimal> percents(Map<String, Tally> tallies) {
            Map<String, BigDecimal> out = new TreeMap<>();
            tallies.forEach((la, t) -> out.put(la, t.percent()));
            return out;
        }
    }

    /** Every council's value on each ranked measure; a council without a value is absent. */
    public record RankValues(Map<String, BigDecimal> percentWithin20WeeksExcludingExceptions,
                             Map<String, BigDecimal> percentDecisionsWithin6Weeks,
                             Map<String, BigDecimal> medianWeeksOpen) {

        /** {@code la}'s place on each: higher percentages, lower median weeks are better. */
        public Ranks rank(String la) {
            return new Ranks(BoardReport.rank(la, percentWithin20WeeksExcludingExceptions, true),
                    BoardReport.rank(la, percentDecisionsWithin6Weeks, true),
                    BoardReport.rank(la, medianWeeksOpen, false));
        }
    }

    /** Everything, for {@code la} (a code, or {@link #ALL}), from the cases already folded. */
    public static BoardReport of(String la, LocalDate from, LocalDate to, TrendStep step, Instant knownOn,
                                 Collection<CaseFile> cases) {
        Objects.requireNonNull(la, "la");
        BoardMeasures.requirePeriod(from, to);
        return of(la, from, to, step, knownOn, cases, ALL.equals(la) ? null : ranks(la, from, to, cases));
    }

    /**
     * Everything for {@code la} from its cases (every case any of whose events names it is enough: each measure
     * picks the council's own), with the ranks worked out elsewhere (SQL over every council's rows:
     * persistence.CouncilRankFigures); null for {@link #ALL}.
     */
    public static BoardReport of(String la, LocalDate from, LocalDate to, TrendStep step, Instant knownOn,
                                 Collection<CaseFile> cases, Ranks ranks) {
        Objects.requireNonNull(la, "la");
        BoardMeasures.requirePeriod(from, to);
        String scope = ALL.equals(la) ? null : la;
        return new BoardReport(la, from, to, knownOn,
                BoardMeasures.twentyWeeks(scope, from, to, cases),
                BoardMeasures.reassessments(scope, from, to, cases),
                BoardMeasures.backlog(scope, to, cases),
                BoardMeasures.decisions(scope, from, to, cases),
                BoardMeasures.noPlanDecisions(scope, from, to, cases),
                BoardMeasures.months(scope, from, to, cases),
                BoardMeasures.backlogTrend(scope, from, to, step, cases),
                BoardMeasures.adviceByAgency(scope, from, to, cases),
                BoardMeasures.adviceByType(scope, from, to, cases),
                BoardMeasures.epBacklog(scope, to, cases),
                BoardMeasures.epTrend(scope, from, to, step, cases),
                BoardMeasures.disputes(scope, from, to, cases),
                BoardMeasures.timeLost(scope, from, to, cases),
                BoardMeasures.annualReviews(scope, from, to, cases),
                BoardMeasures.planQuality(scope, from, to, cases),
                scope == null ? null : ranks);
    }

    /** The headline measures of {@code la} ranked among every council that appears in the cases. */
    public static Ranks ranks(String la, LocalDate from, LocalDate to, Collection<CaseFile> cases) {
        return tallies(from, to, cases, cases, cases).values().rank(la);
    }

    /**
     * Every council's tallies over [from, to] (the backlog's on {@code to}), each measure from its own cases: the
     * 20-week measure excluding exceptions ({@link BoardMeasures#twentyWeeks}), decisions within 6 weeks
     * ({@link BoardMeasures#decisions}), days open ({@link BoardMeasures#daysOpen}). The councils are every one an
     * event names, as the case's council or as the council a transfer came from (responsible until the transfer).
     */
    public static RankTallies tallies(LocalDate from, LocalDate to, Collection<CaseFile> twentyWeekCases,
                                      Collection<CaseFile> decisionCases, Collection<CaseFile> backlogCases) {
        Map<String, Tally> twenty = new TreeMap<>();
        Map<String, Tally> decisions = new TreeMap<>();
        Map<String, List<Long>> days = new TreeMap<>();
        for (String c : councils(twentyWeekCases)) {
            var m = BoardMeasures.twentyWeeks(c, from, to, twentyWeekCases).excludingExceptions();
            if (m.plansIssued() > 0) {
                twenty.put(c, new Tally(m.plansIssued(), m.issuedWithin20Weeks()));
            }
        }
        for (String c : councils(decisionCases)) {
            var d = BoardMeasures.decisions(c, from, to, decisionCases);
            if (d.decided() > 0) {
                decisions.put(c, new Tally(d.decided(), d.within6Weeks()));
            }
        }
        for (String c : councils(backlogCases)) {
            List<Long> open = BoardMeasures.daysOpen(c, to, backlogCases);
            if (!open.isEmpty()) {
                days.put(c, open);
            }
        }
        return new RankTallies(twenty, decisions, days);
    }

    private static TreeSet<String> councils(Collection<CaseFile> cases) {
        TreeSet<String> councils = new TreeSet<>();
        for (CaseFile c : cases) {
            c.events().forEach(e -> councils.add(e.localAuthorityCode()));
            c.transfers().stream().map(CaseFile.Transfer::from).filter(Objects::nonNull).forEach(councils::add);
        }
        return councils;
    }

    /** {@code la}'s place among the councils with a value (1 = best, ties share a place); null rank without one. */
    static Rank rank(String la, Map<String, BigDecimal> values, boolean higherIsBetter) {
        BigDecimal own = values.get(la);
        if (own == null) {
            return new Rank(null, values.size());
        }
        Comparator<BigDecimal> better = higherIsBetter ? Comparator.reverseOrder() : Comparator.naturalOrder();
        int ahead = (int) values.values().stream().filter(v -> better.compare(v, own) < 0).count();
        return new Rank(ahead + 1, values.size());
    }
}
