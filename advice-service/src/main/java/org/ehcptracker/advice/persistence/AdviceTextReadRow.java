package org.ehcptracker.advice.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.ehcptracker.kit.domain.Actor;

/**
 * One row of {@code advice_text_read}: someone read an agency's advice text. Written in the read's own
 * transaction, so the text is answered only when its read is recorded.
 */
@Entity
@Table(name = "advice_text_read")
public class AdviceTextReadRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;

    @Column(name = "advice_request_id", nullable = false)
    public UUID adviceRequestId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** the token's subject */
    @Column(name = "actor_id", nullable = false)
    public String actorId;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    @Column(name = "read_at", nullable = false)
    public Instant readAt;

    public static Uni<Void> record(UUID adviceRequestId, UUID caseId, Actor reader, Instant readAt) {
        AdviceTextReadRow row = new AdviceTextReadRow();
        row.adviceRequestId = adviceRequestId;
        row.caseId = caseId;
        row.actorId = reader.id();
        row.actorRole = reader.role();
        row.readAt = readAt;
        return row.persist().replaceWithVoid();
    }
}
