package org.ehcptracker.contracts.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * The LA decided to keep, amend or cease the plan after a review.
 *
 * @param businessDate the date of the decision
 * @param planId the plan
 * @param outcome keep, amend or cease
 */
public record AnnualReviewDecided(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        UUID planId,
        ReviewOutcome outcome) implements PlanEvent {

    /** The schema version of {@code AnnualReviewDecided} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public AnnualReviewDecided {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
