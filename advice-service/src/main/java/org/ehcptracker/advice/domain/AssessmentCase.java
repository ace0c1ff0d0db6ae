package org.ehcptracker.advice.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.kit.domain.CommandRejected;

/**
 * One row of the local view {@code assessment_case}: what advice-service has learnt about a case
 * from the assessment topic.
 *
 * @param receivedDate the day the LA received the request (AssessmentRequested's business date);
 *                     null only if a decision arrived for a case whose request this service never saw
 */
public record AssessmentCase(UUID caseId, String localAuthorityCode, LocalDate receivedDate, CaseStatus status) {

    public AssessmentCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(localAuthorityCode, "localAuthorityCode");
        Objects.requireNonNull(status, "status");
    }

    /**
     * The case, if the LA has decided to assess it; otherwise a 422 that says what advice-service
     * has (or has not) seen.
     */
    public static AssessmentCase acceptedForAssessment(UUID caseId, Optional<AssessmentCase> seen) {
        AssessmentCase known = seen.orElseThrow(() -> CommandRejected.unprocessable("caseId",
                "advice-service has not seen case " + caseId + " accepted for assessment"
                        + " (no AssessmentDecided to assess has arrived yet)"));
        return switch (known.status()) {
            case ASSESSING -> known;
            case REQUESTED -> throw CommandRejected.unprocessable("caseId", "case " + caseId
                    + " has not yet been decided: the request was received on " + known.receivedDate()
                    + " but no decision to assess has arrived, so advice cannot be requested yet");
            case REFUSED -> throw CommandRejected.unprocessable("caseId", "case " + caseId
                    + " was refused an EHC needs assessment, so advice cannot be requested for it");
            case WITHDRAWN -> throw CommandRejected.unprocessable("caseId", "the request for case " + caseId
                    + " was withdrawn, so advice cannot be requested for it");
            case CONCLUDED_WITHOUT_PLAN -> throw CommandRejected.unprocessable("caseId", "the assessment of case " + caseId
                    + " was concluded without a plan, so advice cannot be requested for it");
        };
    }
}
