package org.ehcptracker.assessment.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.contracts.assessment.AssessmentDecision;

/**
 * The LA's decision whether to carry out an EHC needs assessment (Reg 5, due 6 weeks after receipt).
 *
 * @param refusalReason    required when the decision is REFUSE; must be absent for ASSESS
 * @param overturnsRefusal true only for a decision to assess that replaces an earlier refusal (after mediation,
 *                         tribunal or review): said explicitly, so that a second submission of a decision, or two
 *                         caseworkers deciding at once, is a conflict and never silently changes the decision
 */
public record DecideWhetherToAssess(UUID caseId,
        AssessmentDecision decision,
        LocalDate decisionDate,
        String refusalReason,
        boolean overturnsRefusal) {

    /** A first decision (it overturns nothing). */
    public DecideWhetherToAssess(UUID caseId, AssessmentDecision decision, LocalDate decisionDate, String refusalReason) {
        this(caseId, decision, decisionDate, refusalReason, false);
    }
}
