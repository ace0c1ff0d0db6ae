package org.ehcptracker.contracts.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * The council erased the child's personal details from the case (a right-to-erasure request).
 * Carries no text at all: it tells every service holding free text about the case (advice
 * summaries and notes, the family's comments on a draft plan) to erase it in its own tables,
 * while the codes and dates that make the case count towards timeliness stay.
 *
 * @param businessDate the date of the erasure
 */
public record PersonalDetailsErased(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion) implements AssessmentEvent {

    /** The schema version of {@code PersonalDetailsErased} this code writes. */
    public static final int SCHEMA_VERSION = 1;

    public PersonalDetailsErased {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
    }
}
