package org.ehcptracker.contracts.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * The final amended plan was issued (within 8 weeks of the proposal, 12 weeks of the meeting at most).
 *
 * @param businessDate the date it was issued
 * @param planId the plan
 */
public record AmendedPlanIssued(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        UUID planId) implements PlanEvent {

    /** The schema version of {@code AmendedPlanIssued} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public AmendedPlanIssued {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(planId, "planId");
    }
}
