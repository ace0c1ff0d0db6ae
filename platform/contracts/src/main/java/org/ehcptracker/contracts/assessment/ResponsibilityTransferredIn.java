package org.ehcptracker.contracts.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * The child moved into this LA mid-process and this LA became responsible; the statutory
 * clock restarts from businessDate.
 *
 * @param businessDate the day this LA became responsible: the new clock start
 * @param fromLocalAuthorityCode the LA that was responsible before
 */
public record ResponsibilityTransferredIn(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        String fromLocalAuthorityCode) implements AssessmentEvent {

    /** The schema version of {@code ResponsibilityTransferredIn} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public ResponsibilityTransferredIn {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        EventPreconditions.requireText(fromLocalAuthorityCode, "fromLocalAuthorityCode");
        if (fromLocalAuthorityCode.equals(localAuthorityCode)) {
            throw new IllegalArgumentException("fromLocalAuthorityCode must differ from localAuthorityCode");
        }
    }
}
