package org.ehcptracker.advice.domain;

import java.util.Optional;
import org.ehcptracker.contracts.advice.AdviceCancellationReason;
import org.ehcptracker.contracts.assessment.AssessmentConcluded;
import org.ehcptracker.contracts.assessment.AssessmentDecided;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
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
    WITHDRAWN,
    /** AssessmentConcluded with outcome NO_PLAN (Reg 10). */
    CONCLUDED_WITHOUT_PLAN;

    /** A case in this status needs no more advice: its open requests are cancelled and new ones refused. */
    public boolean closesAdvice() {
        return this == REFUSED || this == WITHDRAWN || this == CONCLUDED_WITHOUT_PLAN;
    }

    /** The reason code an advice request cancelled because the case closed carries (no free text). */
    public AdviceCancellationReason cancellationReason() {
        return switch (this) {
            case REFUSED -> AdviceCancellationReason.CASE_REFUSED_ASSESSMENT;
            case WITHDRAWN -> AdviceCancellationReason.CASE_WITHDRAWN;
            case CONCLUDED_WITHOUT_PLAN -> AdviceCancellationReason.CASE_CONCLUDED_WITHOUT_PLAN;
            case REQUESTED, ASSESSING -> throw new IllegalStateException(this + " does not close a case");
        };
    }

    /**
     * The status an assessment event puts a case in; empty for the events this service does not
     * track (ExceptionRecorded, ResponsibilityTransferredIn, AssessmentConcluded ISSUE_PLAN,
     * MediationOrTribunalRecorded, ...), which leave the view unchanged.
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
        if (event instanceof AssessmentConcluded concluded && concluded.outcome() == AssessmentOutcome.NO_PLAN) {
            return Optional.of(CONCLUDED_WITHOUT_PLAN);
        }
        return Optional.empty();
    }
}
