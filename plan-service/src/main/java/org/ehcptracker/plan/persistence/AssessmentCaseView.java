package org.ehcptracker.plan.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.plan.domain.AssessmentCase;
import org.ehcptracker.plan.domain.CaseStatus;
import org.jboss.logging.Logger;

/** Table {@code assessment_case}: plan-service's view of assessment-service's cases. */
@ApplicationScoped
public class AssessmentCaseView {

    private static final Logger LOG = Logger.getLogger(AssessmentCaseView.class);

    private final Pool pool;

    public AssessmentCaseView(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<AssessmentCase>> find(UUID caseId) {
        return find(pool, caseId);
    }

    public Uni<Optional<AssessmentCase>> find(SqlClient client, UUID caseId) {
        return client.preparedQuery("select case_id, local_authority_code, clock_start, status"
                        + " from assessment_case where case_id = $1")
                .execute(Tuple.of(caseId))
                .map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? Optional.of(toCase(it.next())) : Optional.<AssessmentCase>empty();
                });
    }

    /**
     * A request reached the LA: the case starts, its clock at the received date. A case already known
     * (first seen through its transfer in) keeps its row: the transfer's clock start is the later one.
     */
    public Uni<Void> requested(SqlClient tx, UUID caseId, String localAuthorityCode, LocalDate received) {
        return tx.preparedQuery("insert into assessment_case (case_id, local_authority_code, clock_start, status)"
                        + " values ($1, $2, $3, 'REQUESTED') on conflict (case_id) do nothing")
                .execute(Tuple.of(caseId, localAuthorityCode, received))
                .replaceWithVoid();
    }

    /** A decision to assess or refuse, a withdrawal, or a conclusion with no plan. */
    public Uni<Void> status(SqlClient tx, UUID caseId, CaseStatus status) {
        return tx.preparedQuery("update assessment_case set status = $2 where case_id = $1")
                .execute(Tuple.of(caseId, status.name()))
                .invoke(rows -> warnIfUnknown(rows, caseId, status.name()))
                .replaceWithVoid();
    }

    /**
     * This LA became responsible: the clock restarts on {@code responsibleFrom}. A case first seen
     * through its transfer starts as REQUESTED (no decision to assess known here yet).
     */
    public Uni<Void> transferredIn(SqlClient tx, UUID caseId, String localAuthorityCode, LocalDate responsibleFrom) {
        return tx.preparedQuery("insert into assessment_case (case_id, local_authority_code, clock_start, status)"
                        + " values ($1, $2, $3, 'REQUESTED')"
                        + " on conflict (case_id) do update set local_authority_code = excluded.local_authority_code,"
                        + " clock_start = excluded.clock_start")
                .execute(Tuple.of(caseId, localAuthorityCode, responsibleFrom))
                .replaceWithVoid();
    }

    private static void warnIfUnknown(RowSet<Row> rows, UUID caseId, String change) {
        if (rows.rowCount() == 0) {
            LOG.warnf("assessment_case has no case %s to mark %s: its AssessmentRequested was never received", caseId,
                    change);
        }
    }

    private static AssessmentCase toCase(Row row) {
        return new AssessmentCase(row.getUUID("case_id"), row.getString("local_authority_code"),
                row.getLocalDate("clock_start"), CaseStatus.valueOf(row.getString("status")));
    }
}
