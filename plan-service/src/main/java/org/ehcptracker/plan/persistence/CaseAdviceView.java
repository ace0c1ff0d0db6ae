package org.ehcptracker.plan.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.plan.domain.AdviceSummary;
import org.jboss.logging.Logger;

/** Table {@code case_advice}: plan-service's view of advice-service's advice requests. */
@ApplicationScoped
public class CaseAdviceView {

    private static final Logger LOG = Logger.getLogger(CaseAdviceView.class);

    private final Pool pool;

    public CaseAdviceView(Pool pool) {
        this.pool = pool;
    }

    /** Counts for the plan view; "overdue" means still awaited after the due date, as of {@code today}. */
    public Uni<AdviceSummary> summary(UUID caseId, LocalDate today) {
        return pool.preparedQuery("select count(*) filter (where status <> 'CANCELLED') as requested,"
                        + " count(*) filter (where status = 'SUBMITTED') as submitted,"
                        + " count(*) filter (where status = 'REQUESTED' and due_date < $2) as overdue"
                        + " from case_advice where case_id = $1")
                .execute(Tuple.of(caseId, today))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new AdviceSummary(row.getLong("requested").intValue(), row.getLong("submitted").intValue(),
                            row.getLong("overdue").intValue());
                });
    }

    public Uni<Void> requested(SqlClient tx, UUID adviceRequestId, UUID caseId, String adviceType, String agencyId,
                               LocalDate dueDate) {
        return tx.preparedQuery("insert into case_advice (advice_request_id, case_id, advice_type, agency_id, due_date,"
                        + " status, submitted_date) values ($1, $2, $3, $4, $5, 'REQUESTED', null)"
                        + " on conflict (advice_request_id) do nothing")
                .execute(Tuple.of(adviceRequestId, caseId, adviceType, agencyId, dueDate))
                .replaceWithVoid();
    }

    public Uni<Void> submitted(SqlClient tx, UUID adviceRequestId, LocalDate submittedOn) {
        return tx.preparedQuery("update case_advice set status = 'SUBMITTED', submitted_date = $2"
                        + " where advice_request_id = $1")
                .execute(Tuple.of(adviceRequestId, submittedOn))
                .invoke(rows -> warnIfUnknown(rows, adviceRequestId, "SUBMITTED"))
                .replaceWithVoid();
    }

    /** Sent back for rework: awaited again. */
    public Uni<Void> reopened(SqlClient tx, UUID adviceRequestId) {
        return tx.preparedQuery("update case_advice set status = 'REQUESTED', submitted_date = null"
                        + " where advice_request_id = $1")
                .execute(Tuple.of(adviceRequestId))
                .invoke(rows -> warnIfUnknown(rows, adviceRequestId, "REQUESTED again"))
                .replaceWithVoid();
    }

    public Uni<Void> cancelled(SqlClient tx, UUID adviceRequestId) {
        return tx.preparedQuery("update case_advice set status = 'CANCELLED' where advice_request_id = $1")
                .execute(Tuple.of(adviceRequestId))
                .invoke(rows -> warnIfUnknown(rows, adviceRequestId, "CANCELLED"))
                .replaceWithVoid();
    }

    private static void warnIfUnknown(RowSet<Row> rows, UUID adviceRequestId, String change) {
        if (rows.rowCount() == 0) {
            LOG.warnf("case_advice has no advice request %s to mark %s: its AdviceRequested was never received",
                    adviceRequestId, change);
        }
    }
}
