package org.ehcptracker.contracts.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * The assessment finished: the LA will issue a plan, or has decided not to (Reg 10, 16 weeks).
 *
 * @param businessDate the date of the conclusion; for NO_PLAN, the date the family was told (SEN2 outcome date)
 * @param outcome issue a plan or no plan
 */
public record AssessmentConcluded(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        AssessmentOutcome outcome) implements AssessmentEvent {

    /** The schema version of {@code AssessmentConcluded} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public AssessmentConcluded {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(outcome, "outcome");
    }
}
