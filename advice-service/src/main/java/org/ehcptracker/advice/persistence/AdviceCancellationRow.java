package org.ehcptracker.advice.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of {@code advice_cancellation}: a caseworker's cancellation with their note (kept here only,
 * never published; AdviceRequestCancelled carries the reason code).
 */
@Entity
@Table(name = "advice_cancellation")
public class AdviceCancellationRow extends PanacheEntityBase {

    @Id
    @Column(name = "advice_request_id")
    public UUID adviceRequestId;

    @Column(name = "cancelled_date", nullable = false)
    public LocalDate cancelledDate;

    @Column(name = "reason", nullable = false)
    public String reason;

    @Column(name = "note")
    public String note;

    @Column(name = "cancelled_by", nullable = false)
    public String cancelledBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static Uni<Void> record(UUID adviceRequestId, LocalDate cancelledDate, String reason, String note,
                                   String cancelledBy, Instant recordedAt) {
        AdviceCancellationRow row = new AdviceCancellationRow();
        row.adviceRequestId = adviceRequestId;
        row.cancelledDate = cancelledDate;
        row.reason = reason;
        row.note = note;
        row.cancelledBy = cancelledBy;
        row.recordedAt = recordedAt;
        return row.persist().replaceWithVoid();
    }

    /** The caseworker's note on the request's cancellation; empty when none was written (or no caseworker cancelled it). */
    public static Uni<Optional<String>> noteOf(UUID adviceRequestId) {
        return AdviceCancellationRow.<AdviceCancellationRow>findById(adviceRequestId)
                .map(row -> Optional.ofNullable(row).map(r -> r.note));
    }
}
