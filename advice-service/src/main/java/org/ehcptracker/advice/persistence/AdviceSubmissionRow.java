package org.ehcptracker.advice.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of {@code advice_submission}: the advice text an agency sent and who submitted it. It may
 * describe the child, so it stays in this database and never goes on Kafka.
 */
@Entity
@Table(name = "advice_submission")
public class AdviceSubmissionRow extends PanacheEntityBase {

    @Id
    @Column(name = "advice_request_id")
    public UUID adviceRequestId;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "summary")
    public String summary;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** Keeps the latest submission of a request (a resubmission after rework replaces the earlier one). */
    public static Uni<Void> record(UUID adviceRequestId, String submittedBy, String summary, Instant recordedAt) {
        return AdviceSubmissionRow.<AdviceSubmissionRow>findById(adviceRequestId).chain(found -> {
            boolean first = found == null;
            AdviceSubmissionRow row = first ? new AdviceSubmissionRow() : found;
            row.adviceRequestId = adviceRequestId;
            row.submittedBy = submittedBy;
            row.summary = summary;
            row.recordedAt = recordedAt;
            // a managed row is written at the flush; only a new one needs persisting
            return first ? row.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }

    public static Uni<Optional<AdviceSubmissionRow>> of(UUID adviceRequestId) {
        return AdviceSubmissionRow.<AdviceSubmissionRow>findById(adviceRequestId).map(Optional::ofNullable);
    }
}
