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
import java.time.LocalDate;
import java.util.UUID;

/** One row of {@code advice_rework}: a return for rework with the caseworker's note (kept here only). */
@Entity
@Table(name = "advice_rework")
public class AdviceReworkRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "advice_request_id", nullable = false)
    public UUID adviceRequestId;

    @Column(name = "returned_date", nullable = false)
    public LocalDate returnedDate;

    @Column(name = "reason", nullable = false)
    public String reason;

    @Column(name = "note")
    public String note;

    @Column(name = "returned_by", nullable = false)
    public String returnedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static Uni<Void> record(UUID adviceRequestId, LocalDate returnedDate, String reason, String note,
                                   String returnedBy, Instant recordedAt) {
        AdviceReworkRow row = new AdviceReworkRow();
        row.adviceRequestId = adviceRequestId;
        row.returnedDate = returnedDate;
        row.reason = reason;
        row.note = note;
        row.returnedBy = returnedBy;
        row.recordedAt = recordedAt;
        return row.persist().replaceWithVoid();
    }
}
