package org.ehcptracker.contracts.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * The end date of a recorded exception was set or changed (the circumstance ended, or the first
 * end date was wrong). The exception's limit, reason and start date stay as recorded.
 *
 * @param businessDate the date the correction was recorded
 * @param exceptionId the {@link ExceptionRecorded#exceptionId()} corrected
 * @param endDate the last day the circumstance applied; not before the exception's start date
 */
public record ExceptionCorrected(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        UUID exceptionId,
        LocalDate endDate) implements AssessmentEvent {

    /** The schema version of {@code ExceptionCorrected} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public ExceptionCorrected {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(exceptionId, "exceptionId");
        Objects.requireNonNull(endDate, "endDate");
    }
}
