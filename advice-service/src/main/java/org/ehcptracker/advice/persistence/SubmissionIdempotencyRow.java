package org.ehcptracker.advice.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One row of {@code submission_idempotency}: the first answer to a submission sent with an Idempotency-Key. */
@Entity
@Table(name = "submission_idempotency")
public class SubmissionIdempotencyRow extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "advice_request_id", nullable = false)
    public UUID adviceRequestId;

    @Column(name = "body_digest", nullable = false)
    public String bodyDigest;

    @Column(name = "answer", nullable = false)
    public String answer;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** A key is the submitter's own: two agencies may happen to pick the same one. */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "submitted_by")
        public String submittedBy;

        @Column(name = "idempotency_key")
        public String idempotencyKey;

        public Key() {
        }

        public Key(String submittedBy, String idempotencyKey) {
            this.submittedBy = submittedBy;
            this.idempotencyKey = idempotencyKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(submittedBy, k.submittedBy)
                    && Objects.equals(idempotencyKey, k.idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(submittedBy, idempotencyKey);
        }
    }

    public static Uni<Optional<SubmissionIdempotencyRow>> of(String submittedBy, String idempotencyKey) {
        return SubmissionIdempotencyRow.<SubmissionIdempotencyRow>findById(new Key(submittedBy, idempotencyKey))
                .map(Optional::ofNullable);
    }

    public static Uni<Void> record(String submittedBy, String idempotencyKey, UUID adviceRequestId, String bodyDigest,
                                   String answer, Instant recordedAt) {
        SubmissionIdempotencyRow row = new SubmissionIdempotencyRow();
        row.key = new Key(submittedBy, idempotencyKey);
        row.adviceRequestId = adviceRequestId;
        row.bodyDigest = bodyDigest;
        row.answer = answer;
        row.recordedAt = recordedAt;
        return row.persist().replaceWithVoid();
    }
}
