package org.ehcptracker.contracts.advice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * The LA cancelled an advice request (e.g. existing advice reused, Reg 6(4), or the case closed).
 *
 * @param businessDate the date of cancellation
 * @param adviceRequestId the request
 * @param reason why, a code (never free text: it could hold a name); v1 carried free text here, its
 *        upcaster turns an exact code name into that code and anything else into OTHER
 */
public record AdviceRequestCancelled(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        UUID adviceRequestId,
        AdviceCancellationReason reason) implements AdviceEvent {

    /** The schema version of {@code AdviceRequestCancelled} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 2;

    public AdviceRequestCancelled {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(adviceRequestId, "adviceRequestId");
        Objects.requireNonNull(reason, "reason");
    }
}
