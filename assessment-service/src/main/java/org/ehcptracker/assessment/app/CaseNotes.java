package org.ehcptracker.assessment.app;

import java.util.Map;
import java.util.UUID;
import org.ehcptracker.assessment.domain.CaseState;

/** A case with the free-text notes held for its exceptions and disputes, by exceptionId / disputeId. */
public record CaseNotes(CaseState state, Map<UUID, String> notes) {

    public CaseNotes {
        notes = Map.copyOf(notes);
    }
}
