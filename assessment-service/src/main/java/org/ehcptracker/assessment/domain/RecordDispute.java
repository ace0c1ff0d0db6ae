package org.ehcptracker.assessment.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.contracts.assessment.DisputeKind;
import org.ehcptracker.contracts.assessment.DisputeStage;

/**
 * A mediation or a tribunal appeal was registered about one of the LA's decisions.
 *
 * @param disputeId      identifies the dispute for its outcome; a second command with the same id is a duplicate
 * @param registeredDate the date it was registered: not before the decision it is about, not after today
 * @param note           optional free text: kept only in this service's own table (erasable), never in an event
 */
public record RecordDispute(UUID caseId, UUID disputeId, DisputeKind kind, DisputeStage stage, LocalDate registeredDate,
        String note) {
}
