package org.ehcptracker.contracts.advice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * The LA sent submitted advice back for rework; the request is open again.
 *
 * @param businessDate the date it was returned
 * @param adviceRequestId the request
 * @param reason why, a code (never free text); v1 carried it as a string, which advice-service always
 *        filled with a code's name: its upcaster keeps an exact name and turns anything else into OTHER
 */
public record AdviceReturnedForRework(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        UUID adviceRequestId,
        AdviceReworkReason reason) implements AdviceEvent {

    /** The schema version of {@code AdviceReturnedForRework} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 2;

    public AdviceReturnedForRework {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(adviceRequestId, "adviceRequestId");
        Objects.requireNonNull(reason, "reason");
    }
}
