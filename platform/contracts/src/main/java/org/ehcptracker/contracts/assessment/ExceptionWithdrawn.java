package org.ehcptracker.contracts.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * A recorded exception was withdrawn as recorded in error: it no longer applies, and counts for no
 * figure ("exceptions apply" is derived without it). The {@link ExceptionRecorded} stays in the history.
 *
 * @param businessDate the date the withdrawal was recorded
 * @param exceptionId the {@link ExceptionRecorded#exceptionId()} withdrawn
 */
public record ExceptionWithdrawn(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        UUID exceptionId) implements AssessmentEvent {

    /** The schema version of {@code ExceptionWithdrawn} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public ExceptionWithdrawn {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(exceptionId, "exceptionId");
    }
}
