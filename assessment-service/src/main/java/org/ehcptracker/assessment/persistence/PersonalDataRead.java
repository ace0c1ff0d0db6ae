package org.ehcptracker.assessment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ehcptracker.kit.domain.Actor;

/**
 * One read of a child's personal details by a signed-in user, in {@code personal_data_read} (Flyway V7): never
 * updated, kept after the details are erased. Holds which fields were disclosed, never their values.
 */
@Entity
@Table(name = "personal_data_read")
public class PersonalDataRead extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "actor_subject", nullable = false)
    public String actorSubject;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    @Column(name = "read_at", nullable = false)
    public Instant readAt;

    /** the answer's field names, comma-separated */
    @Column(name = "fields", nullable = false)
    public String fields;

    /** Records the read in the current transaction; flushed so that a failure fails the read, never skips the record. */
    public static Uni<Void> record(UUID caseId, Actor actor, Instant at, List<String> fields) {
        PersonalDataRead row = new PersonalDataRead();
        row.caseId = caseId;
        row.actorSubject = actor.id();
        row.actorRole = actor.role();
        row.readAt = at;
        row.fields = String.join(",", fields);
        return row.persistAndFlush().replaceWithVoid();
    }

    /** A case's recorded reads, oldest first. */
    public static Uni<List<PersonalDataRead>> of(UUID caseId) {
        return PersonalDataRead.<PersonalDataRead>find("caseId", Sort.by("readAt").and("id"), caseId).list();
    }
}
