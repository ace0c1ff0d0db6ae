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
 * @param refusalReason short reason for a refusal, no personal details; null when assessing or not given
 */
public record AssessmentDecided(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        AssessmentDecision decision,
        String refusalReason) implements AssessmentEvent {

    /** The schema version of {@code AssessmentDecided} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public AssessmentDecided {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(decision, "decision");
        EventPreconditions.requireNullOrText(refusalReason, "refusalReason");
        if (decision == AssessmentDecision.ASSESS && refusalReason != null) {
            throw new IllegalArgumentException("refusalReason must be null when the decision is ASSESS");
        }
    }
}
