package org.ehcptracker.reporting.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.ehcptracker.reporting.domain.BoardMeasures;
import org.ehcptracker.reporting.domain.BoardReport.RankTallies;
import org.ehcptracker.reporting.domain.BoardReport.RankValues;
import org.ehcptracker.reporting.domain.BoardReport.Tally;

/**
 * What every council is ranked on (BoardReport.ranks), in SQL over {@code case_progress}, one small answer per
 * council (docs/reporting.md, "The board at national scale"). The definitions are the fold's
 * ({@link BoardMeasures#twentyWeeks}, {@link BoardMeasures#decisions}, {@link BoardMeasures#daysOpen}), written
 * over the row's facts:
 * <ul>
 * <li>the council responsible on a day is the row's {@code local_authority_code} (the latest transfer in's) and the
 *     clock running that day its {@code clock_start}, as long as the case's latest transfer in is on or before that
 *     day. A row transferred in after the day (the case was then with the council it came from, which the row does
 *     not keep) is left out here and measured by the fold of its events instead ({@link #transferredAfter}): few
 *     cases, and none for the backlog today;</li>
 * <li>the first decision whether to assess is {@code least(refused_date, decision_date)}: assessment-service allows
 *     one decision, or a refusal and then a decision to assess that overturns it, dated on or after it;</li>
 * <li>the median of the days open is {@code percentile_cont(0.5)}: the middle value, or the mean of the two middle
 *     ones, so twice it is a whole number of days ({@link BoardMeasures#medianWeeks(long)}).</li>
 * </ul>
 * Migration V7's indexes serve the date ranges. Plain SQL: sums and medians, never entities.
 */
@ApplicationScoped
public class CouncilRankFigures {

    static final String INITIAL = "request_kind is distinct from 'REASSESSMENT' and local_authority_code is not null";

    /** Plans issued in [$1, $2] excluding exceptions, and how many within 20 weeks, per council. */
    static final String TWENTY_WEEKS_SQL = """
            select local_authority_code, count(*),
                   count(*) filter (where final_plan_issued_date - issue_clock_start <= 140)
            from case_progress
            where final_plan_issued_date between $1 and $2 and %s
              and not has_20_week_exception
              and (refusal_dispute_date is null or refusal_dispute_date > final_plan_issued_date)
              and (transferred_in_date is null or transferred_in_date <= final_plan_issued_date)
            group by local_authority_code""".formatted(INITIAL);

    /** First decisions whether to assess in [$1, $2], and how many on or before day 42, per council. */
    static final String DECISIONS_SQL = """
            select local_authority_code, count(*),
                   count(*) filter (where least(refused_date, decision_date) - clock_start <= 42)
            from case_progress
            where least(refused_date, decision_date) between $1 and $2 and %s
              and clock_start is not null
              and (transferred_in_date is null or transferred_in_date <= least(refused_date, decision_date))
            group by local_authority_code""".formatted(INITIAL);

    /**
     * Twice the median days open on $1 per council: the rows open that day (CaseProgress.openOn: clock started,
     * not closed, no refusal holding) plus the days of the cases the fold measured ($2 councils, $3 days).
     */
    static final String TWICE_MEDIAN_DAYS_OPEN_SQL = """
            select local_authority_code, (2 * percentile_cont(0.5) within group (order by days))::bigint
            from (select local_authority_code, $1 - clock_start as days
                  from case_progress
                  where clock_start <= $1 and (closed_date is null or closed_date > $1) and %s
                    and (transferred_in_date is null or transferred_in_date <= $1)
                    and not %s
                  union all
                  select * from unnest($2::text[], $3::int[])) open_cases
            group by local_authority_code""".formatted(INITIAL, CaseProgressStore.refusedOn("$1"));

    /**
     * The rows transferred in after the day a measure needs their council: a plan issued, or a first decision made,
     * in [$1, $2] before the latest transfer; a case not closed by $2 whose latest transfer is after $2.
     */
    static final String TRANSFERRED_AFTER_SQL = """
            select case_id,
                   coalesce(final_plan_issued_date between $1 and $2
                            and transferred_in_date > final_plan_issued_date, false),
                   coalesce(least(refused_date, decision_date) between $1 and $2
                            and transferred_in_date > least(refused_date, decision_date), false),
                   coalesce(transferred_in_date > $2 and (closed_date is null or closed_date > $2), false)
            from case_progress
            where transferred_in_date is not null
              and ((final_plan_issued_date between $1 and $2 and transferred_in_date > final_plan_issued_date)
                   or (least(refused_date, decision_date) between $1 and $2
                       and transferred_in_date > least(refused_date, decision_date))
                   or (transferred_in_date > $2 and (closed_date is null or closed_date > $2)))""";

    /** The cases each measure takes from the fold instead of SQL ({@link #transferredAfter}). */
    public record FoldedCases(List<UUID> twentyWeeks, List<UUID> decisions, List<UUID> backlog) {

        public List<UUID> all() {
            TreeSet<UUID> all = new TreeSet<>(twentyWeeks);
            all.addAll(decisions);
            all.addAll(backlog);
            return List.copyOf(all);
        }
    }

    private final Pool pool;

    public CouncilRankFigures(Pool pool) {
        this.pool = pool;
    }

    /** The cases transferred in after the day a measure over [from, to] needs their council, by measure. */
    public Uni<FoldedCases> transferredAfter(LocalDate from, LocalDate to) {
        return pool.preparedQuery(TRANSFERRED_AFTER_SQL).execute(Tuple.of(from, to)).map(rows -> {
            List<UUID> twenty = new ArrayList<>();
            List<UUID> decisions = new ArrayList<>();
            List<UUID> backlog = new ArrayList<>();
            for (Row r : rows) {
                UUID id = r.getUUID(0);
                if (r.getBoolean(1)) {
                    twenty.add(id);
                }
                if (r.getBoolean(2)) {
                    decisions.add(id);
                }
                if (r.getBoolean(3)) {
                    backlog.add(id);
                }
            }
            return new FoldedCases(twenty, decisions, backlog);
        });
    }

    /**
     * Every council's values over [from, to] (the backlog on {@code to}): the SQL answers for the rows that know
     * their council, with the {@code folded} tallies of the cases {@link #transferredAfter} named added in.
     */
    public Uni<RankValues> values(LocalDate from, LocalDate to, RankTallies folded) {
        List<String> councils = new ArrayList<>();
        List<Integer> days = new ArrayList<>();
        folded.daysOpen().forEach((la, open) -> open.forEach(d -> {
            councils.add(la);
            days.add(Math.toIntExact(d));
        }));
        Uni<Map<String, Tally>> twenty = pool.preparedQuery(TWENTY_WEEKS_SQL).execute(Tuple.of(from, to))
                .map(rows -> tallies(rows, folded.twentyWeeksExcludingExceptions()));
        Uni<Map<String, Tally>> decisions = pool.preparedQuery(DECISIONS_SQL).execute(Tuple.of(from, to))
                .map(rows -> tallies(rows, folded.decisions()));
        Uni<Map<String, BigDecimal>> medians = pool.preparedQuery(TWICE_MEDIAN_DAYS_OPEN_SQL)
                .execute(Tuple.of(to, councils.toArray(String[]::new), days.toArray(Integer[]::new)))
                .map(rows -> {
                    Map<String, BigDecimal> out = new TreeMap<>();
                    for (Row r : rows) {
                        out.put(r.getString(0), BoardMeasures.medianWeeks(r.getLong(1)));
                    }
                    return out;
                });
        return Uni.combine().all().unis(twenty, decisions, medians).asTuple()
                .map(t -> new RankValues(RankTallies.percents(t.getItem1()),
                        RankTallies.percents(t.getItem2()), t.getItem3()));
    }

    private static Map<String, Tally> tallies(RowSet<Row> rows, Map<String, Tally> folded) {
        Map<String, Tally> out = new TreeMap<>(folded);
        for (Row r : rows) {
            out.merge(r.getString(0), new Tally(r.getLong(1), r.getLong(2)), Tally::plus);
        }
        return out;
    }
}
