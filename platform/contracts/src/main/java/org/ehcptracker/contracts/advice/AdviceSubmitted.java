package org.ehcptracker.contracts.advice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * The agency submitted its advice.
 *
 * @param businessDate the date the advice reached the LA
 * @param adviceRequestId the request answered
 * @param adviceType repeated so reporting needs no join
 * @param agencyId repeated so reporting needs no join
 */
public record AdviceSubmitted(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        UUID adviceRequestId,
        AdviceType adviceType,
        String agencyId) implements AdviceEvent {

    /** The schema version of {@code AdviceSubmitted} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public AdviceSubmitted {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(adviceRequestId, "adviceRequestId");
        Objects.requireNonNull(adviceType, "adviceType");
        EventPreconditions.requireText(agencyId, "agencyId");
    }
}
