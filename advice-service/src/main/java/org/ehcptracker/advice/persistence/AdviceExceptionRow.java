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

/** One row of {@code advice_exception}: a Reg 8(2) exception with the dates of its circumstance. */
@Entity
@Table(name = "advice_exception")
public class AdviceExceptionRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "advice_request_id", nullable = false)
    public UUID adviceRequestId;

    @Column(name = "reason", nullable = false)
    public String reason;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static Uni<Void> record(UUID adviceRequestId, String reason, LocalDate startDate, LocalDate endDate,
                                   String recordedBy, Instant recordedAt) {
        AdviceExceptionRow row = new AdviceExceptionRow();
        row.adviceRequestId = adviceRequestId;
        row.reason = reason;
        row.startDate = startDate;
        row.endDate = endDate;
        row.recordedBy = recordedBy;
        row.recordedAt = recordedAt;
        return row.persist().replaceWithVoid();
    }
}
