package org.ehcptracker.contracts.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * A mediation or tribunal appeal ended. The outcome does not bring the assessment back into the
 * 20-week measure: the measure leaves out assessments that went to mediation or tribunal, whatever the result.
 *
 * @param businessDate the date of the outcome (mediation certificate, tribunal decision, withdrawal)
 * @param disputeId the {@link MediationOrTribunalRecorded#disputeId()} resolved
 * @param outcome how it ended
 */
public record DisputeResolved(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        UUID disputeId,
        DisputeOutcome outcome) implements AssessmentEvent {

    /** The schema version of {@code DisputeResolved} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public DisputeResolved {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(disputeId, "disputeId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
