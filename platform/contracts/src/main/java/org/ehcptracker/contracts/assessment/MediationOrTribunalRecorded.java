package org.ehcptracker.contracts.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * A mediation or a tribunal appeal was registered for the case. Whether it takes the assessment out of
 * the SEN2 20-week measure depends on its {@code stage} and on {@code businessDate} compared with the
 * final plan's issue date (docs/reporting.md, "The measures").
 *
 * @param businessDate the date mediation or the appeal was registered
 * @param kind mediation or tribunal
 * @param disputeId identifies this dispute, so its outcome ({@link DisputeResolved}) can refer to it
 * @param stage the decision the dispute is about
 */
public record MediationOrTribunalRecorded(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        DisputeKind kind,
        UUID disputeId,
        DisputeStage stage) implements AssessmentEvent {

    /** The schema version of {@code MediationOrTribunalRecorded} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public MediationOrTribunalRecorded {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(disputeId, "disputeId");
        Objects.requireNonNull(stage, "stage");
    }
}
