package org.ehcptracker.contracts.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * The LA recorded that an exception applies to a statutory limit. Kept per exception
 * with its reason and dates; SEN2's single "exceptions apply" flag is derived from these.
 *
 * @param businessDate the date the exception was recorded
 * @param exceptionId identifies this exception, so a later correction can refer to it
 * @param limit the limit the exception applies to
 * @param reason the statutory ground
 * @param startDate first day the circumstance applied
 * @param endDate last day it applied; null while still open
 */
public record ExceptionRecorded(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        UUID exceptionId,
        StatutoryLimit limit,
        ExceptionReason reason,
        LocalDate startDate,
        LocalDate endDate) implements AssessmentEvent {

    /** The schema version of {@code ExceptionRecorded} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public ExceptionRecorded {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(exceptionId, "exceptionId");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(startDate, "startDate");
        if (endDate != null) {
            EventPreconditions.requireNotBefore(endDate, startDate, "endDate", "startDate");
        }
    }
}
