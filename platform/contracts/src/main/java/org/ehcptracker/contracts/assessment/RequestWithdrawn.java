package org.ehcptracker.contracts.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * The requester withdrew the request; the case stops counting towards timeliness.
 *
 * @param businessDate the date of the withdrawal
 */
public record RequestWithdrawn(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion) implements AssessmentEvent {

    /** The schema version of {@code RequestWithdrawn} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public RequestWithdrawn {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
    }
}
