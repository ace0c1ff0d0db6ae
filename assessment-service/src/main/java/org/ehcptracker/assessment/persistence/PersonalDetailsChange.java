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
 * One correction of a child's SEN2 person details, in {@code personal_details_change} (Flyway V8): who, when, which
 * fields were set. Never the values (they are personal data, erasable; this row is kept after erasure).
 */
@Entity
@Table(name = "personal_details_change")
public class PersonalDetailsChange extends PanacheEntityBase {

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

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** the fields held after the change, comma-separated (empty: every one cleared) */
    @Column(name = "fields", nullable = false)
    public String fields;

    /** Records the change in the current transaction, flushed so that a failure fails the change. */
    public static Uni<Void> record(UUID caseId, Actor actor, Instant at, List<String> fields) {
        PersonalDetailsChange row = new PersonalDetailsChange();
        row.caseId = caseId;
        row.actorSubject = actor.id();
        row.actorRole = actor.role();
        row.changedAt = at;
        row.fields = String.join(",", fields);
        return row.persistAndFlush().replaceWithVoid();
    }

    /** A case's recorded changes, oldest first. */
    public static Uni<List<PersonalDetailsChange>> of(UUID caseId) {
        return PersonalDetailsChange.<PersonalDetailsChange>find("caseId", Sort.by("changedAt").and("id"), caseId).list();
    }
}
