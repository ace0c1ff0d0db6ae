package org.ehcptracker.reporting.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.reporting.domain.CaseProgress;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Table {@code case_progress} ({@link CaseProgressRow}). An event is merged in Java
 * ({@link CaseProgress#apply}) on the row read under a row lock ({@code select ... for no key update}, which
 * Hibernate issues for a pessimistic write lock on PostgreSQL): the three topic consumers may
 * update the same case at the same time, and the lock makes each read-merge-write atomic; the merge
 * itself does not depend on arrival order.
 */
@ApplicationScoped
public class CaseProgressStore {

    /**
     * Makes sure the row exists before it is locked. Two consumers seeing a case first at the same
     * time would both try to persist a new row, and the loser's unique violation would park its
     * event; with this insert the loser waits for the winner and then finds the row.
     */
    static final String ENSURE_ROW_SQL = "insert into case_progress (case_id) values (?1) on conflict do nothing";

    /** Merges the event into its case's row, in the session's transaction (written at commit). */
    public Uni<Void> apply(Mutiny.Session session, IntegrationEvent event) {
        UUID caseId = event.caseId();
        return session.createNativeQuery(ENSURE_ROW_SQL)
                .setParameter(1, caseId)
                .executeUpdate()
                .chain(() -> session.find(CaseProgressRow.class, caseId, LockModeType.PESSIMISTIC_WRITE))
                .invoke(row -> row.set(row.toCaseProgress().apply(event)))
                .replaceWithVoid();
    }

    /** Every case row of a local authority; inside an open session (Panache). */
    public Uni<List<CaseProgress>> forLocalAuthority(String localAuthorityCode) {
        return CaseProgressRow.<CaseProgressRow>list("localAuthorityCode", localAuthorityCode)
                .map(rows -> rows.stream().map(CaseProgressRow::toCaseProgress).toList());
    }
}
