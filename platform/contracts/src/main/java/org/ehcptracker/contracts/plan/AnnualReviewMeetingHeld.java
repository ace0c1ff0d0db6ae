package org.ehcptracker.contracts.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * An annual review meeting was held; the LA's decision is due within 4 weeks and the next review within 12 months.
 *
 * @param businessDate the date of the meeting
 * @param planId the plan
 * @param reviewId the review (one per meeting, for the life of the plan)
 * @param reviewDecisionDue StatutoryClock.reviewDecisionDue(businessDate): 4 weeks after the meeting
 */
public record AnnualReviewMeetingHeld(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        UUID planId,
        UUID reviewId,
        LocalDate reviewDecisionDue) implements PlanEvent {

    /** The schema version of {@code AnnualReviewMeetingHeld} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public AnnualReviewMeetingHeld {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(reviewId, "reviewId");
        Objects.requireNonNull(reviewDecisionDue, "reviewDecisionDue");
        EventPreconditions.requireNotBefore(reviewDecisionDue, businessDate, "reviewDecisionDue", "businessDate");
    }
}
