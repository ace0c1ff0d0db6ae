package org.ehcptracker.assessment.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.assessment.app.CaseAssignments.Assignment;

/** A case's assigned caseworker and who changed it when. */
@Schema(name = "Assignment")
public record AssignmentView(
        UUID caseId,
        @Schema(description = "the assigned caseworker's id; null when unassigned")
        String caseworker,
        @Schema(description = "every change, oldest first")
        List<Change> history) {

    /** One change of the assignment. */
    @Schema(name = "AssignmentChange")
    public record Change(
            @Schema(description = "assigned to; null: unassigned") String caseworker,
            String previousCaseworker,
            @Schema(description = "the actor who made the change, role:id", example = "caseworker:teamlead") String changedBy,
            Instant changedAt) {
    }

    static AssignmentView of(Assignment a) {
        return new AssignmentView(a.caseId(), a.caseworker(), a.history().stream()
                .map(c -> new Change(c.caseworker(), c.previousCaseworker(), c.changedBy(), c.changedAt())).toList());
    }
}
