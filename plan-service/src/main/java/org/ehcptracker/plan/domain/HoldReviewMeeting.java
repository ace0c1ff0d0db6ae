package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** Record an annual review meeting of a plan: the review's stream starts (reviewId chosen by the caller or new). */
public record HoldReviewMeeting(UUID planId, UUID reviewId, LocalDate meetingDate) {

    public HoldReviewMeeting {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(reviewId, "reviewId");
    }
}
