package org.ehcptracker.reporting.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
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

    /** Everything, for {@code la} (a code, or {@link #ALL}), from the cases already folded. */
    public static BoardReport of(String la, LocalDate from, LocalDate to, TrendStep step, Instant knownOn,
                                 Collection<CaseFile> cases) {
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
                scope == null ? null : ranks(scope, from, to, cases));
    }

    /** The headline measures of {@code la} ranked among every council that appears in the cases. */
    static Ranks ranks(String la, LocalDate from, LocalDate to, Collection<CaseFile> cases) {
        TreeSet<String> councils = new TreeSet<>();
        cases.forEach(c -> c.events().forEach(e -> councils.add(e.localAuthorityCode())));
        councils.add(la);
        return new Ranks(
                rank(la, councils, c -> BoardMeasures.twentyWeeks(c, from, to, cases)
                        .excludingExceptions().percentWithin20Weeks(), true),
                rank(la, councils, c -> BoardMeasures.decisions(c, from, to, cases).percentWithin6Weeks(), true),
                rank(la, councils, c -> BoardMeasures.backlog(c, to, cases).medianWeeksOpen(), false));
    }

    private static Rank rank(String la, Collection<String> councils, Function<String, BigDecimal> value,
                             boolean higherIsBetter) {
        List<BigDecimal> values = councils.stream().map(value).filter(Objects::nonNull).toList();
        BigDecimal own = value.apply(la);
        if (own == null) {
            return new Rank(null, values.size());
        }
        Comparator<BigDecimal> better = higherIsBetter ? Comparator.reverseOrder() : Comparator.naturalOrder();
        int ahead = (int) values.stream().filter(v -> better.compare(v, own) < 0).count();
        return new Rank(ahead + 1, values.size());
    }
}
