package org.ehcptracker.contracts.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * The LA decided whether to carry out an EHC needs assessment (Reg 5, 6 weeks).
 *
 * @param businessDate the date of the decision
 * @param decision assess or refuse
 * @param refusalReason the ground of a refusal, a code (never free text: it could hold a name); required
 *        for REFUSE, null for ASSESS. v1 carried free text here; its upcaster turns it into OTHER.
 */
public record AssessmentDecided(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        AssessmentDecision decision,
        RefusalReason refusalReason) implements AssessmentEvent {

    /** The schema version of {@code AssessmentDecided} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 2;

    public AssessmentDecided {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(decision, "decision");
        if (decision == AssessmentDecision.ASSESS && refusalReason != null) {
            throw new IllegalArgumentException("refusalReason must be null when the decision is ASSESS");
        }
        if (decision == AssessmentDecision.REFUSE) {
            Objects.requireNonNull(refusalReason, "refusalReason (required when the decision is REFUSE)");
        }
    }
}
