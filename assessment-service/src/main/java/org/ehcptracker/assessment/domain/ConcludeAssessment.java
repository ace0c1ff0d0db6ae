package org.ehcptracker.assessment.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;

/**
 * The EHC needs assessment of a case being assessed has finished: the LA will issue a plan, or has
 * decided not to (Reg 10, due 16 weeks after the clock start).
 *
 * @param conclusionDate the date of the conclusion; for NO_PLAN, the date the family was told.
 *                       Not before the decision to assess, not in the future
 */
public record ConcludeAssessment(UUID caseId, AssessmentOutcome outcome, LocalDate conclusionDate) {
}
