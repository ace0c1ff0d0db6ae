package org.ehcptracker.assessment.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.contracts.assessment.AssessmentDecision;

/**
 * The LA's decision whether to carry out an EHC needs assessment (Reg 5, due 6 weeks after receipt).
 *
 * @param refusalReason required when the decision is REFUSE; must be absent for ASSESS
 */
public record DecideWhetherToAssess(UUID caseId,
        AssessmentDecision decision,
        LocalDate decisionDate,
        String refusalReason) {
}
