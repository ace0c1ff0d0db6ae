package org.ehcptracker.advice.domain;

import java.util.Optional;
import org.ehcptracker.contracts.assessment.AssessmentDecided;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.RequestWithdrawn;

/**
 * Where a case stands, as far as advice-service knows from assessment-service's events (the
 * local view {@code assessment_case}). Only {@link #ASSESSING} lets advice be requested.
 */
public enum CaseStatus {
    /** AssessmentRequested arrived; the LA has not decided yet. */
    REQUESTED,
    /** AssessmentDecided with decision ASSESS: advice may be requested. */
    ASSESSING,
    /** AssessmentDecided with decision REFUSE. */
    REFUSED,
    /** RequestWithdrawn. */
    WITHDRAWN;

    /**
     * The status an assessment event puts a case in; empty for the events this service does not
     * track (ExceptionRecorded, ResponsibilityTransferredIn, AssessmentConcluded,
     * MediationOrTribunalRecorded), which leave the view unchanged.
     */
    public static Optional<CaseStatus> after(AssessmentEvent event) {
        if (event instanceof AssessmentRequested) {
            return Optional.of(REQUESTED);
        }
        if (event instanceof AssessmentDecided decided) {
            return Optional.of(decided.decision() == AssessmentDecision.ASSESS ? ASSESSING : REFUSED);
        }
        if (event instanceof RequestWithdrawn) {
            return Optional.of(WITHDRAWN);
        }
        return Optional.empty();
    }
}
