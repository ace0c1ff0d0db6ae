package org.ehcptracker.advice.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.advice.domain.AdviceRequestStatus;
import org.ehcptracker.contracts.advice.AdviceEvent;
import org.ehcptracker.contracts.advice.AdviceRequestCancelled;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceReturnedForRework;
import org.ehcptracker.contracts.advice.AdviceSubmitted;
import org.ehcptracker.contracts.advice.AdviceType;

/**
 * {@code advice_request_view}: one row per advice request, changed in the same transaction as the
 * events that change it (after the append), so it is never behind the event store. Also the
 * {@code advice_submission} table with the agency's advice text, which never goes on Kafka.
 */
@ApplicationScoped
public class AdviceRequestViews {

    static final String COLUMNS = """
            advice_request_id, case_id, local_authority_code, advice_type, agency_id, requested_date, due_date,
            status, submitted_date, cancelled_date""";

    static final String INSERT_SQL = "insert into advice_request_view (" + COLUMNS + ")"
            + " values ($1, $2, $3, $4, $5, $6, $7, 'REQUESTED', null, null)";
    static final String SUBMITTED_SQL =
            "update advice_request_view set status = 'SUBMITTED', submitted_date = $2 where advice_request_id = $1";
    static final String CANCELLED_SQL =
            "update advice_request_view set status = 'CANCELLED', cancelled_date = $2 where advice_request_id = $1";
    static final String REOPENED_SQL =
            "update advice_request_view set status = 'REQUESTED', submitted_date = null where advice_request_id = $1";

    static final String BY_ID_SQL = "select " + COLUMNS + " from advice_request_view where advice_request_id = $1";
    static final String BY_AGENCY_SQL = "select " + COLUMNS + " from advice_request_view where agency_id = $1"
            + " order by due_date, requested_date, advice_request_id";
    static final String BY_CASE_SQL = "select " + COLUMNS + " from advice_request_view where case_id = $1"
            + " order by requested_date, due_date, advice_request_id";

    static final String SAVE_SUBMISSION_SQL = """
            insert into advice_submission (advice_request_id, submitted_by, summary) values ($1, $2, $3)
            on conflict (advice_request_id) do update
                set submitted_by = excluded.submitted_by, summary = excluded.summary, recorded_at = now()""";
    static final String FIND_SUBMISSION_SQL =
            "select submitted_by, summary from advice_submission where advice_request_id = $1";

    /** The agency's advice text as kept by this service. */
    public record Submission(String submittedBy, String summary) {
    }

    private final Pool pool;

    public AdviceRequestViews(Pool pool) {
        this.pool = pool;
    }

    /** Applies the events a command just appended, in the command's transaction. */
    public Uni<Void> apply(SqlClient tx, List<? extends AdviceEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (AdviceEvent event : events) {
            chain = chain.chain(() -> apply(tx, event));
        }
        return chain;
    }

    private Uni<Void> apply(SqlClient tx, AdviceEvent event) {
        Tuple params;
        String sql;
        if (event instanceof AdviceRequested r) {
            sql = INSERT_SQL;
            params = Tuple.tuple().addUUID(r.adviceRequestId()).addUUID(r.caseId()).addString(r.localAuthorityCode())
                    .addString(r.adviceType().name()).addString(r.agencyId()).addLocalDate(r.businessDate())
                    .addLocalDate(r.dueDate());
        } else if (event instanceof AdviceSubmitted s) {
            sql = SUBMITTED_SQL;
            params = Tuple.of(s.adviceRequestId(), s.businessDate());
        } else if (event instanceof AdviceRequestCancelled c) {
            sql = CANCELLED_SQL;
            params = Tuple.of(c.adviceRequestId(), c.businessDate());
        } else if (event instanceof AdviceReturnedForRework w) {
            sql = REOPENED_SQL;
            params = Tuple.of(w.adviceRequestId());
        } else {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(sql).execute(params).replaceWithVoid();
    }

    public Uni<Void> saveSubmission(SqlClient tx, UUID adviceRequestId, String submittedBy, String summary) {
        return tx.preparedQuery(SAVE_SUBMISSION_SQL).execute(Tuple.of(adviceRequestId, submittedBy, summary))
                .replaceWithVoid();
    }

    public Uni<Optional<Submission>> findSubmission(UUID adviceRequestId) {
        return pool.preparedQuery(FIND_SUBMISSION_SQL).execute(Tuple.of(adviceRequestId)).map(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                return Optional.empty();
            }
            Row r = it.next();
            return Optional.of(new Submission(r.getString("submitted_by"), r.getString("summary")));
        });
    }

    public Uni<Optional<AdviceRequestRow>> find(UUID adviceRequestId) {
        return pool.preparedQuery(BY_ID_SQL).execute(Tuple.of(adviceRequestId))
                .map(rows -> toRows(rows).stream().findFirst());
    }

    public Uni<List<AdviceRequestRow>> forAgency(String agencyId) {
        return pool.preparedQuery(BY_AGENCY_SQL).execute(Tuple.of(agencyId)).map(AdviceRequestViews::toRows);
    }

    public Uni<List<AdviceRequestRow>> forCase(UUID caseId) {
        return pool.preparedQuery(BY_CASE_SQL).execute(Tuple.of(caseId)).map(AdviceRequestViews::toRows);
    }

    private static List<AdviceRequestRow> toRows(RowSet<Row> rows) {
        List<AdviceRequestRow> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new AdviceRequestRow(r.getUUID("advice_request_id"), r.getUUID("case_id"),
                    r.getString("local_authority_code"),
                    AdviceType.valueOf(r.getString("advice_type")),
                    r.getString("agency_id"), r.getLocalDate("requested_date"), r.getLocalDate("due_date"),
                    AdviceRequestStatus.valueOf(r.getString("status")), r.getLocalDate("submitted_date"),
                    r.getLocalDate("cancelled_date")));
        }
        return out;
    }
}
