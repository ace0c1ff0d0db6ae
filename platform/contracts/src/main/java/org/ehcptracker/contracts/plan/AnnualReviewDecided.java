package org.ehcptracker.contracts.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * The LA decided to keep, amend or cease the plan after a review (due within 4 weeks of the meeting).
 *
 * @param businessDate the date of the decision; for AMEND also the date the amendments were proposed
 * @param planId the plan
 * @param reviewId the review
 * @param outcome keep, amend or cease
 * @param meetingDate the review meeting's date, so the 4 weeks can be measured without a lookup
 * @param amendedPlanDue for AMEND, StatutoryClock.amendedPlanDue(businessDate, meetingDate); null otherwise
 */
public record AnnualReviewDecided(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        UUID planId,
        UUID reviewId,
        ReviewOutcome outcome,
        LocalDate meetingDate,
        LocalDate amendedPlanDue) implements PlanEvent {

    /** The schema version of {@code AnnualReviewDecided} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public AnnualReviewDecided {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(reviewId, "reviewId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(meetingDate, "meetingDate");
        EventPreconditions.requireNotBefore(businessDate, meetingDate, "businessDate", "meetingDate");
        if ((outcome == ReviewOutcome.AMEND) != (amendedPlanDue != null)) {
            throw new IllegalArgumentException("amendedPlanDue is present exactly when the outcome is AMEND");
        }
    }
}
