package org.ehcptracker.contracts.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * The case went to mediation or tribunal; SEN2 excludes it from the 20-week measure.
 *
 * @param businessDate the date mediation or the appeal was registered
 * @param kind mediation or tribunal
 */
public record MediationOrTribunalRecorded(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        DisputeKind kind) implements AssessmentEvent {

    /** The schema version of {@code MediationOrTribunalRecorded} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public MediationOrTribunalRecorded {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(kind, "kind");
    }
}
