package org.ehcptracker.assessment.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Table {@code case_note} (Flyway V2, V4): a caseworker's free-text note about an exception, a dispute or a refusal
 * (subject DECISION, keyed by its AssessmentDecided eventId), kept only in
 * this service (never in an event) and erased with the child's personal details. Call these methods inside a
 * session or transaction opened through {@code Transactions} / {@code EventSourcedAggregates}.
 */
@Entity
@Table(name = "case_note")
public class CaseNoteEntity extends PanacheEntityBase {

    /** What a note is about. */
    public enum Subject { EXCEPTION, DISPUTE, DECISION }

    @Id
    @Column(name = "subject_id")
    public UUID subjectId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "subject")
    public String subject;

    @Column(name = "note")
    public String note;

    @Column(name = "erased_at")
    public Instant erasedAt;

    /** Stores a note in the current transaction (after the event append); nothing when there is none. */
    public static Uni<Void> hold(UUID caseId, Subject subject, UUID subjectId, String note) {
        Objects.requireNonNull(caseId, "caseId");
        if (note == null) {
            return Uni.createFrom().voidItem();
        }
        CaseNoteEntity row = new CaseNoteEntity();
        row.subjectId = subjectId;
        row.caseId = caseId;
        row.subject = subject.name();
        row.note = note;
        return row.persistAndFlush().replaceWithVoid();
    }

    /** The notes held for a case, by exception, dispute or decision id (erased ones left out). */
    public static Uni<Map<UUID, String>> held(UUID caseId) {
        return CaseNoteEntity.<CaseNoteEntity>list("caseId = ?1 and note is not null", caseId)
                .map(rows -> rows.stream().collect(Collectors.toMap(r -> r.subjectId, r -> r.note)));
    }

    /** Blanks every note of the case and records when (a second erasure keeps the first time). */
    public static Uni<Void> eraseAll(UUID caseId, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update case_note set note = null, erased_at = coalesce(erased_at, ?2) where case_id = ?1""")
                .setParameter(1, caseId)
                .setParameter(2, at.atOffset(ZoneOffset.UTC))
                .executeUpdate())
                .replaceWithVoid();
    }
}
