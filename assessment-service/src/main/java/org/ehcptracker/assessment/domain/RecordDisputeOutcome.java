package org.ehcptracker.assessment.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.contracts.assessment.DisputeOutcome;

/** A mediation or tribunal appeal ended with {@code outcome} on {@code outcomeDate} (not before it was registered). */
public record RecordDisputeOutcome(UUID caseId, UUID disputeId, DisputeOutcome outcome, LocalDate outcomeDate) {
}
