package org.ehcptracker.assessment.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.assessment.domain.ChildPersonalDetails;
import org.ehcptracker.assessment.domain.Sen2Person;
import org.ehcptracker.kit.domain.CommandRejected;

/**
 * Table {@code child_personal_details} (Flyway V1): the only store of a child's name and date of birth.
 * They never enter the event store or Kafka, so erasing them here erases them from the system
 * (backups aside, which the operators' retention policy covers). An erased row stays, empty, as the
 * record that (and when) they were erased. Call these methods inside a session or transaction opened
 * through {@code Transactions} / {@code EventSourcedAggregates}: they use its Panache session.
 */
@Entity
@Table(name = "child_personal_details")
public class ChildPersonalDetailsEntity extends PanacheEntityBase {

    /** PostgreSQL's class of "data exception" SQLSTATEs, e.g. 22021 for a NUL character in text. */
    private static final String DATA_EXCEPTION = "22";

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "child_name")
    public String childName;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Column(name = "sex")
    public String sex;

    @Column(name = "ethnicity")
    public String ethnicity;

    @Column(name = "upn")
    public String upn;

    @Column(name = "uln")
    public String uln;

    @Column(name = "postcode")
    public String postcode;

    /** When they were erased; null while held. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    /**
     * Stores the details of a new case in the current transaction (after the event append). Flushed at
     * once so that a value the table refuses fails here, as a 400 naming childName, and the whole
     * transaction (the append included) rolls back. Nothing is stored when nothing was given.
     */
    public static Uni<Void> hold(UUID caseId, ChildPersonalDetails details) {
        Objects.requireNonNull(caseId, "caseId");
        if (details.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ChildPersonalDetailsEntity row = new ChildPersonalDetailsEntity();
        row.caseId = caseId;
        row.childName = details.childName();
        row.dateOfBirth = details.dateOfBirth();
        row.sex = details.sen2().sex();
        row.ethnicity = details.sen2().ethnicity();
        row.upn = details.sen2().upn();
        row.uln = details.sen2().uln();
        row.postcode = details.sen2().postcode();
        return row.persistAndFlush()
                .onFailure(ChildPersonalDetailsEntity::isRefusedValue)
                .transform(e -> CommandRejected.invalid("childName",
                        "childName holds characters that cannot be stored (e.g. a NUL character); nothing was recorded"))
                .replaceWithVoid();
    }

    /** The details held for a case; {@link ChildPersonalDetails#NONE} when none were ever given or they were erased. */
    public static Uni<ChildPersonalDetails> held(UUID caseId) {
        return ChildPersonalDetailsEntity.<ChildPersonalDetailsEntity>findById(caseId)
                .map(row -> row == null ? ChildPersonalDetails.NONE : row.details());
    }

    /** The details this row holds. */
    public ChildPersonalDetails details() {
        return new ChildPersonalDetails(childName, dateOfBirth, new Sen2Person(sex, ethnicity, upn, uln, postcode));
    }

    /** The rows of these cases (erased ones included, empty); for the SEN2 return. */
    public static Uni<java.util.List<ChildPersonalDetailsEntity>> of(java.util.Collection<UUID> caseIds) {
        return caseIds.isEmpty() ? Uni.createFrom().item(java.util.List.of())
                : ChildPersonalDetailsEntity.<ChildPersonalDetailsEntity>list("caseId in ?1", caseIds);
    }

    /**
     * Replaces SEN2's person details of a case whose details were not erased (sex, ethnicity, UPN, ULN, postcode;
     * name and date of birth untouched), creating the row when the case had none. One upsert, flushed in the current
     * transaction; answers false, changing nothing, when the details were erased.
     */
    public static Uni<Boolean> replaceSen2(UUID caseId, Sen2Person person) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into child_personal_details (case_id, sex, ethnicity, upn, uln, postcode)
                        values (?1, ?2, ?3, ?4, ?5, ?6)
                        on conflict (case_id) do update
                           set sex = excluded.sex, ethnicity = excluded.ethnicity, upn = excluded.upn,
                               uln = excluded.uln, postcode = excluded.postcode
                         where child_personal_details.erased_at is null""")
                .setParameter(1, caseId)
                .setParameter(2, person.sex())
                .setParameter(3, person.ethnicity())
                .setParameter(4, person.upn())
                .setParameter(5, person.uln())
                .setParameter(6, person.postcode())
                .executeUpdate())
                .map(updated -> updated > 0);
    }

    /**
     * Blanks the name and date of birth and records when. Idempotent: erasing again keeps the first
     * erasure time; a case that never had details gets a row that says they were erased. One upsert
     * rather than find-then-persist, so two erasures at once cannot collide on the key.
     */
    public static Uni<Void> erase(UUID caseId, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into child_personal_details (case_id, child_name, date_of_birth, erased_at)
                        values (?1, null, null, ?2)
                        on conflict (case_id) do update
                           set child_name = null,
                               date_of_birth = null,
                               sex = null, ethnicity = null, upn = null, uln = null, postcode = null,
                               erased_at = coalesce(child_personal_details.erased_at, excluded.erased_at)""")
                .setParameter(1, caseId)
                .setParameter(2, at.atOffset(ZoneOffset.UTC))
                .executeUpdate())
                .replaceWithVoid();
    }

    private static boolean isRefusedValue(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = t instanceof PgException pg ? pg.getSqlState()
                    : t instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null && state.startsWith(DATA_EXCEPTION)) {
                return true;
            }
        }
        return false;
    }
}
