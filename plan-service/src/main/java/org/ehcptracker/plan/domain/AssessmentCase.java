package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What plan-service knows of a case from assessment-service's events (table {@code assessment_case}).
 *
 * @param clockStart day 0 of the 20-week clock: the date the request was received, or the date this LA
 *                   became responsible when the child moved in (the clock restarts)
 */
public record AssessmentCase(UUID caseId, String localAuthorityCode, LocalDate clockStart, CaseStatus status) {

    public AssessmentCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(localAuthorityCode, "localAuthorityCode");
        Objects.requireNonNull(clockStart, "clockStart");
        Objects.requireNonNull(status, "status");
    }
}
