package org.ehcptracker.assessment.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.assessment.domain.CaseState;
import org.ehcptracker.contracts.assessment.DisputeKind;
import org.ehcptracker.contracts.assessment.DisputeOutcome;
import org.ehcptracker.contracts.assessment.DisputeStage;

/** One mediation or tribunal appeal; {@code note} appears only in the disputes list, while held. */
@Schema(name = "CaseDispute")
public record DisputeView(UUID disputeId, DisputeKind kind, DisputeStage stage, LocalDate registeredDate,
        @Schema(description = "null until it ended") DisputeOutcome outcome, LocalDate outcomeDate,
        @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

    static DisputeView of(CaseState.Dispute d, Map<UUID, String> notes) {
        return new DisputeView(d.disputeId(), d.kind(), d.stage(), d.registeredDate(), d.outcome(), d.outcomeDate(),
                notes.get(d.disputeId()));
    }
}
