package org.ehcptracker.contracts.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * A request for an EHC needs assessment reached the LA: day 0 of the 20-week clock.
 *
 * @param businessDate the date the LA received the request (day 0, even on a weekend or bank holiday)
 * @param childRef pseudonymous child reference; never a name
 * @param requestedBy who made the request
 */
public record AssessmentRequested(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        String childRef,
        RequesterType requestedBy) implements AssessmentEvent {

    /** The schema version of {@code AssessmentRequested} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public AssessmentRequested {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        EventPreconditions.requireText(childRef, "childRef");
        Objects.requireNonNull(requestedBy, "requestedBy");
    }
}
