package org.ehcptracker.reporting.national;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import org.ehcptracker.reporting.domain.BoardReport;
import org.ehcptracker.reporting.domain.MonthlyFigures.Measure;

/**
 * The board queries on table {@code council_month_figure} (kept by the batch projection, domain.MonthlyFigures),
 * in SQL: a council's months (primary key range), every council's sums over a period (index on month). Each reads
 * at most councils × months × measures rows, whatever the size of the history. Plain SQL, not entities: the rows
 * are sums, never loaded to be changed.
 *
 * <p>A cell whose sum is 0 is left out: deltas may leave one behind when a case's figure moved to another month as
 * later events arrived (a transfer's clock start, say), and "months without figures are absent" must not depend on
 * the order the topics delivered in.
 */
@ApplicationScoped
public class CouncilMonthFigures {

    static final String COUNCIL_MONTHS_SQL = """
            select month, measure, value from council_month_figure
            where local_authority_code = $1 and month between $2 and $3 and value <> 0""";

    static final String NATIONAL_MONTHS_SQL = """
            select month, measure, sum(value)::bigint from council_month_figure
            where month between $1 and $2 group by month, measure having sum(value) <> 0""";

    static final String COUNCILS_SQL = """
            select local_authority_code, measure, sum(value)::bigint from council_month_figure
            where month between $1 and $2 group by local_authority_code, measure having sum(value) <> 0""";

    private final Pool pool;

    public CouncilMonthFigures(Pool pool) {
        this.pool = pool;
    }

    /** The sums of {@code la} (a code, or {@link BoardReport#ALL}: the nation) for each month in [from, to]; months without a row are absent. */
    public Uni<Map<YearMonth, MonthlyFigureSums>> months(String la, YearMonth from, YearMonth to) {
        var query = BoardReport.ALL.equals(la)
                ? pool.preparedQuery(NATIONAL_MONTHS_SQL).execute(Tuple.of(from.atDay(1), to.atDay(1)))
                : pool.preparedQuery(COUNCIL_MONTHS_SQL).execute(Tuple.of(la, from.atDay(1), to.atDay(1)));
        return query.map(rows -> {
            Map<YearMonth, MonthlyFigureSums> out = new TreeMap<>();
            for (Row row : rows) {
                add(out.computeIfAbsent(YearMonth.from(row.getLocalDate(0)), m -> new MonthlyFigureSums()), row);
            }
            return out;
        });
    }

    /** Every council's sums over the months [from, to], by LA code; councils without a row are absent. */
    public Uni<Map<String, MonthlyFigureSums>> councils(YearMonth from, YearMonth to) {
        return pool.preparedQuery(COUNCILS_SQL).execute(Tuple.of(from.atDay(1), to.atDay(1))).map(rows -> {
            Map<String, MonthlyFigureSums> out = new TreeMap<>();
            for (Row row : rows) {
                add(out.computeIfAbsent(row.getString(0), la -> new MonthlyFigureSums()), row);
            }
            return out;
        });
    }

    private static void add(MonthlyFigureSums sums, Row row) {
        Measure measure;
        try {
            measure = Measure.valueOf(row.getString(1));
        } catch (IllegalArgumentException notThisVersions) {
            return; // a measure a newer version writes: not shown by this one
        }
        sums.add(measure, row.getLong(2));
    }
}
