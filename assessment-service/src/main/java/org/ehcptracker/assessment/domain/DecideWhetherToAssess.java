package org.ehcptracker.assessment.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.RefusalReason;

/**
 * The LA's decision whether to carry out an EHC needs assessment (Reg 5, due 6 weeks after receipt).
 *
 * @param refusalReason    the ground of a refusal, a code: required when the decision is REFUSE, absent for ASSESS
 * @param refusalNote      optional free text about a refusal (absent for ASSESS): kept only in this service's
 *                         own table (erasable with the personal details), never in an event
 * @param overturnsRefusal true only for a decision to assess that replaces an earlier refusal (after mediation,
 *                         tribunal or review): said explicitly, so that a second submission of a decision, or two
 *                         caseworkers deciding at once, is a conflict and never silently changes the decision
 */
public record DecideWhetherToAssess(UUID caseId,
        AssessmentDecision decision,
        LocalDate decisionDate,
        RefusalReason refusalReason,
        String refusalNote,
        boolean overturnsRefusal) {

    /** A first decision (it overturns nothing). */
    public DecideWhetherToAssess(UUID caseId, AssessmentDecision decision, LocalDate decisionDate,
                                 RefusalReason refusalReason, String refusalNote) {
        this(caseId, decision, decisionDate, refusalReason, refusalNote, false);
    }
}
