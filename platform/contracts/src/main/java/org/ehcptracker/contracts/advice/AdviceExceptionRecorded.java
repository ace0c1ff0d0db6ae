package org.ehcptracker.contracts.advice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * An exception to the 6-week advice limit applies (Reg 8(2)).
 *
 * @param businessDate the date the exception was recorded
 * @param adviceRequestId the request
 * @param reason the statutory ground
 */
public record AdviceExceptionRecorded(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        UUID adviceRequestId,
        AdviceExceptionReason reason) implements AdviceEvent {

    /** The schema version of {@code AdviceExceptionRecorded} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public AdviceExceptionRecorded {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(adviceRequestId, "adviceRequestId");
        Objects.requireNonNull(reason, "reason");
    }
}
