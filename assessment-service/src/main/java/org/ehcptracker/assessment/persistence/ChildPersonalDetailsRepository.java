package org.ehcptracker.assessment.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/**
 * Table {@code child_personal_details}: the only store of a child's name and date of birth.
 * They never enter the event store or Kafka, so erasing them here erases them from the system
 * (backups aside, which the operators' retention policy covers).
 */
@ApplicationScoped
public class ChildPersonalDetailsRepository {

    private final Pool pool;

    public ChildPersonalDetailsRepository(Pool pool) {
        this.pool = pool;
    }

    /** Stores the details of a new case inside the caller's transaction (after the event append). */
    public Uni<Void> insert(SqlConnection tx, UUID caseId, String childName, LocalDate dateOfBirth) {
        Objects.requireNonNull(caseId, "caseId");
        return tx.preparedQuery("insert into child_personal_details (case_id, child_name, date_of_birth) values ($1, $2, $3)")
                .execute(Tuple.of(caseId, childName, dateOfBirth))
                .replaceWithVoid();
    }

    /** The details held for a case; {@link ChildPersonalDetails#NONE} when none were ever given. */
    public Uni<ChildPersonalDetails> find(UUID caseId) {
        return pool.preparedQuery("select child_name, date_of_birth, erased_at from child_personal_details where case_id = $1")
                .execute(Tuple.of(caseId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return ChildPersonalDetails.NONE;
                    }
                    Row r = rows.iterator().next();
                    OffsetDateTime erased = r.getOffsetDateTime("erased_at");
                    return new ChildPersonalDetails(r.getString("child_name"), r.getLocalDate("date_of_birth"),
                            erased == null ? null : erased.toInstant());
                });
    }

    /**
     * Blanks the name and date of birth and records when. Idempotent: erasing again keeps the first
     * erasure time; a case that never had details gets a row that says they were erased.
     */
    public Uni<Void> erase(UUID caseId, Instant at) {
        return pool.preparedQuery("""
                        insert into child_personal_details (case_id, child_name, date_of_birth, erased_at)
                        values ($1, null, null, $2)
                        on conflict (case_id) do update
                           set child_name = null,
                               date_of_birth = null,
                               erased_at = coalesce(child_personal_details.erased_at, excluded.erased_at)""")
                .execute(Tuple.of(caseId, at.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }
}
