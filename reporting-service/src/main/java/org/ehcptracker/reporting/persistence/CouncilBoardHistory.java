package org.ehcptracker.reporting.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The timeline rows a council's board report folds (docs/reporting.md, "The board at national scale"): every event
 * of each case any of whose events names the council, or whose transfer in names it as the council the case came
 * from (responsible for the case until the transfer, so in its backlog on the days before), with the other
 * councils' events on those cases, so that each case folds whole. One council's history, not the nation's.
 * Plain SQL: the rows are only read, and the sub-select by council (indexes of migration V7) is one statement.
 */
@ApplicationScoped
public class CouncilBoardHistory {

    static final String COLUMNS = "event_id, case_id, local_authority_code, source, type, business_date, occurred_at, "
            + "details::text";

    static final String COUNCIL_SQL = "select " + COLUMNS + " from case_timeline where case_id in ("
            + "select case_id from case_timeline where local_authority_code = $1 "
            + "union select case_id from case_timeline where type = 'ResponsibilityTransferredIn' "
            + "and details ->> 'fromLocalAuthorityCode' = $1)";

    static final String CASES_SQL = "select " + COLUMNS + " from case_timeline where case_id = any($1)";

    private final Pool pool;

    public CouncilBoardHistory(Pool pool) {
        this.pool = pool;
    }

    /**
     * @param knownOn only events recorded on or before this instant ("as known on"); null: everything recorded
     */
    public Uni<List<CaseTimelineRow>> of(String localAuthorityCode, Instant knownOn) {
        var query = knownOn == null
                ? pool.preparedQuery(COUNCIL_SQL).execute(Tuple.of(localAuthorityCode))
                : pool.preparedQuery(COUNCIL_SQL + " and occurred_at <= $2")
                        .execute(Tuple.of(localAuthorityCode, knownOn.atOffset(ZoneOffset.UTC)));
        return query.map(CouncilBoardHistory::rows);
    }

    /** Every event of each of the cases. */
    public Uni<List<CaseTimelineRow>> ofCases(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery(CASES_SQL).execute(Tuple.of(caseIds.toArray(UUID[]::new)))
                .map(CouncilBoardHistory::rows);
    }

    static List<CaseTimelineRow> rows(RowSet<Row> rows) {
        List<CaseTimelineRow> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            CaseTimelineRow row = new CaseTimelineRow();
            row.eventId = r.getUUID(0);
            row.caseId = r.getUUID(1);
            row.localAuthorityCode = r.getString(2);
            row.source = r.getString(3);
            row.type = r.getString(4);
            row.businessDate = r.getLocalDate(5);
            row.occurredAt = r.getOffsetDateTime(6);
            row.details = r.getString(7);
            out.add(row);
        }
        return out;
    }
}
