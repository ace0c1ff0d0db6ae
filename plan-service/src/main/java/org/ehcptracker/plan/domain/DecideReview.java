package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.plan.ReviewOutcome;

/** The LA's decision after a review meeting: keep, amend (the proposed amendments go out that day) or cease. */
public record DecideReview(UUID reviewId, LocalDate decidedDate, ReviewOutcome outcome) {

    public DecideReview {
        Objects.requireNonNull(reviewId, "reviewId");
    }
}
