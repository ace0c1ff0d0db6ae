package org.ehcptracker.reporting.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import org.ehcptracker.reporting.domain.BacklogView;
import org.ehcptracker.reporting.domain.CaseProgress;
import org.ehcptracker.reporting.domain.TimelinessFigures;

/**
 * Reading table {@code case_progress} ({@link CaseProgressRow}). It is written a batch at a time by
 * {@link ProjectionBatchStore} (events merged in Java by {@link CaseProgress#apply} on rows read under a row lock).
 */
@ApplicationScoped
public class CaseProgressStore {

    /**
     * TimelinessFigures.compute in SQL: a council's plans issued in [$2, $3] (initial requests, a dispute about a
     * refusal registered by the issue left out), within 20 weeks = day 140 or earlier from the plan's clock start,
     * the days summed; all plans, then those without a 20-week exception.
     */
    static final String TIMELINESS_SQL = """
            select count(*), count(*) filter (where days <= 140), coalesce(sum(days), 0),
                   count(*) filter (where not has_20_week_exception),
                   count(*) filter (where days <= 140 and not has_20_week_exception),
                   coalesce(sum(days) filter (where not has_20_week_exception), 0)
            from (select final_plan_issued_date - issue_clock_start as days, has_20_week_exception
                  from case_progress
                  where local_authority_code = $1 and final_plan_issued_date between $2 and $3
                    and request_kind is distinct from 'REASSESSMENT'
                    and (refusal_dispute_date is null or refusal_dispute_date > final_plan_issued_date)) plans""";

    /**
     * BacklogView.of in SQL: a council's initial requests open on $2 (CaseProgress.openOn: clock started, not
     * closed by then, no refusal holding that day), how many past 140 / 210 / 364 days, and their days summed.
     */
    static final String BACKLOG_SQL = """
            select count(*), count(*) filter (where days > 140), count(*) filter (where days > 210),
                   count(*) filter (where days > 364), coalesce(sum(days), 0)
            from (select $2 - clock_start as days
                  from case_progress
                  where local_authority_code = $1 and clock_start <= $2 and (closed_date is null or closed_date > $2)
                    and request_kind is distinct from 'REASSESSMENT'
                    and not %s) open_cases""".formatted(refusedOn("$2"));

    /**
     * CaseProgress.refusedOn(day) over a row: refused on or before the day and not overturned by a decision to assess
     * dated from the refusal to the day (the same day: the decision to assess wins).
     */
    static String refusedOn(String day) {
        return ("(refused_date is not null and refused_date <= %1$s and not coalesce(decision = 'ASSESS' "
                + "and decision_date >= refused_date and decision_date <= %1$s, false))").formatted(day);
    }

    private final Pool pool;

    public CaseProgressStore(Pool pool) {
        this.pool = pool;
    }

    /** Every case row of a local authority; inside an open session (Panache). */
    public Uni<List<CaseProgress>> forLocalAuthority(String localAuthorityCode) {
        return CaseProgressRow.<CaseProgressRow>list("localAuthorityCode", localAuthorityCode)
                .map(rows -> rows.stream().map(CaseProgressRow::toCaseProgress).toList());
    }

    /**
     * {@link TimelinessFigures#compute} of the council's rows for [from, to], summed in PostgreSQL (index on council
     * and issue date, migration V7): one row back, whatever the council's size.
     */
    public Uni<TimelinessFigures> timeliness(String localAuthorityCode, LocalDate from, LocalDate to) {
        return pool.preparedQuery(TIMELINESS_SQL).execute(Tuple.of(localAuthorityCode, from, to)).map(rows -> {
            Row r = rows.iterator().next();
            return new TimelinessFigures(localAuthorityCode, from, to,
                    TimelinessFigures.Measure.counted(r.getInteger(0), r.getInteger(1), r.getLong(2)),
                    TimelinessFigures.Measure.counted(r.getInteger(3), r.getInteger(4), r.getLong(5)));
        });
    }

    /** {@link BacklogView#of} of the council's rows on {@code asOf}, counted in PostgreSQL: one row back. */
    public Uni<BacklogView> backlog(String localAuthorityCode, LocalDate asOf) {
        return pool.preparedQuery(BACKLOG_SQL).execute(Tuple.of(localAuthorityCode, asOf)).map(rows -> {
            Row r = rows.iterator().next();
            return BacklogView.counted(asOf, r.getInteger(0), r.getInteger(1), r.getInteger(2), r.getInteger(3),
                    r.getLong(4));
        });
    }
}
