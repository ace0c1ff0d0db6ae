package org.ehcptracker.assessment.app;

import java.util.Map;
import java.util.UUID;
import org.ehcptracker.assessment.domain.CaseState;
import org.ehcptracker.assessment.domain.ChildPersonalDetails;

/**
 * A case as its events left it, with the child's personal details and the free-text notes of its refusals
 * (by decisionId) while this service holds them.
 */
public record CaseFile(CaseState state, ChildPersonalDetails child, Map<UUID, String> decisionNotes) {

    public CaseFile {
        decisionNotes = Map.copyOf(decisionNotes);
    }

    public CaseFile(CaseState state, ChildPersonalDetails child) {
        this(state, child, Map.of());
    }

    /** The note held for a decision (its AssessmentDecided eventId); null when none or erased. */
    public String decisionNote(UUID decisionId) {
        return decisionId == null ? null : decisionNotes.get(decisionId);
    }
}
