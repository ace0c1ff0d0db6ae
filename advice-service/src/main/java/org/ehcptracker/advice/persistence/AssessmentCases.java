package org.ehcptracker.advice.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.advice.domain.AssessmentCase;
import org.ehcptracker.advice.domain.CaseStatus;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.contracts.assessment.AssessmentRequested;

/** The local view {@code assessment_case}, fed by assessment-service's topic. */
@ApplicationScoped
public class AssessmentCases {

    /** A request creates the row, or fills in the received date of a row a decision created first. */
    static final String REQUESTED_SQL = """
            insert into assessment_case (case_id, local_authority_code, received_date, status)
            values ($1, $2, $3, 'REQUESTED')
            on conflict (case_id) do update set received_date = excluded.received_date""";

    /** A decision or withdrawal sets the status, creating the row if the request was never seen. */
    static final String STATUS_SQL = """
            insert into assessment_case (case_id, local_authority_code, received_date, status)
            values ($1, $2, null, $3)
            on conflict (case_id) do update set status = excluded.status""";

    static final String FIND_SQL = """
            select case_id, local_authority_code, received_date, status from assessment_case where case_id = $1""";

    private final Pool pool;

    public AssessmentCases(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<AssessmentCase>> find(UUID caseId) {
        return find(pool, caseId);
    }

    public Uni<Optional<AssessmentCase>> find(SqlClient client, UUID caseId) {
        return client.preparedQuery(FIND_SQL).execute(Tuple.of(caseId)).map(rows -> {
            var it = rows.iterator();
            return it.hasNext() ? Optional.of(toCase(it.next())) : Optional.empty();
        });
    }

    /** Applies one assessment event to the view; events this service does not track change nothing. */
    public Uni<Void> apply(SqlClient tx, AssessmentEvent event) {
        Optional<CaseStatus> status = CaseStatus.after(event);
        if (status.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (event instanceof AssessmentRequested requested) {
            return tx.preparedQuery(REQUESTED_SQL)
                    .execute(Tuple.of(requested.caseId(), requested.localAuthorityCode(), requested.businessDate()))
                    .replaceWithVoid();
        }
        return tx.preparedQuery(STATUS_SQL)
                .execute(Tuple.of(event.caseId(), event.localAuthorityCode(), status.get().name()))
                .replaceWithVoid();
    }

    private static AssessmentCase toCase(Row r) {
        return new AssessmentCase(r.getUUID("case_id"), r.getString("local_authority_code"),
                r.getLocalDate("received_date"), CaseStatus.valueOf(r.getString("status")));
    }
}
