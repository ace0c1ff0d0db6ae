package org.ehcptracker.advice.domain;

import java.util.List;
import java.util.Optional;
import org.ehcptracker.contracts.advice.AdviceEvent;
import org.ehcptracker.contracts.advice.ExistingAdviceReused;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.domain.DecisionContext;

/** Decides the reuse of existing advice (Reg 6(4)); see {@link AdviceReuse}. */
public final class AdviceReuseDecider {

    private AdviceReuseDecider() {
    }

    /**
     * Records the reuse, dated today. Refused: a case advice-service has not seen decided for assessment, or closed
     * since (422 caseId); the same type already reused (409) or already asked of an agency and not cancelled (409: the
     * caseworker cancels that request first, reason EXISTING_ADVICE_REUSED); an agreement not confirmed (422
     * familyAgreed / adviserAgreed); advice dated in the future (422 adviceDate); an agency the council's directory
     * does not know or that does not give this advice (422 agencyId; a deactivated agency is allowed, as the
     * advice is old).
     *
     * @param seenCase the local view of the case
     * @param agency the directory's answer for the agency named
     * @param caseRequests the case's advice requests (advice_request_view)
     */
    public static List<AdviceEvent> decide(ReuseExistingAdvice c, AdviceReuse s, Optional<AssessmentCase> seenCase,
                                           AgencyLookup agency, List<AdviceRequestState.Request> caseRequests,
                                           DecisionContext ctx) {
        if (s instanceof AdviceReuse.Reused done) {
            throw CommandRejected.conflict("existing " + done.adviceType() + " advice (from " + done.agencyId() + ", dated "
                    + done.adviceDate() + ") was already recorded as reused for case " + done.caseId() + " on "
                    + done.recordedDate());
        }
        AssessmentCase theCase = AssessmentCase.acceptedForAssessment(c.caseId(), seenCase);
        if (!Boolean.TRUE.equals(c.familyAgreed())) {
            throw CommandRejected.unprocessable("familyAgreed", "existing advice may be used instead of new advice only"
                    + " if the parent or young person agrees that it is sufficient (Reg 6(4)); ask for new advice otherwise");
        }
        if (!Boolean.TRUE.equals(c.adviserAgreed())) {
            throw CommandRejected.unprocessable("adviserAgreed", "existing advice may be used instead of new advice only"
                    + " if the person who gave it agrees that it is sufficient (Reg 6(4)); ask for new advice otherwise");
        }
        if (c.adviceDate().isAfter(ctx.today())) {
            throw CommandRejected.unprocessable("adviceDate", "adviceDate " + c.adviceDate()
                    + " is in the future: existing advice is advice already given (today is " + ctx.today() + ")");
        }
        caseRequests.stream()
                .filter(r -> r.adviceType() == c.adviceType() && r.status() != AdviceRequestStatus.CANCELLED)
                .findFirst()
                .ifPresent(r -> {
                    throw CommandRejected.conflict("case " + c.caseId() + " already has advice request " + r.adviceRequestId()
                            + " for " + c.adviceType() + " advice (" + r.status() + "): cancel it first (reason"
                            + " EXISTING_ADVICE_REUSED) to use existing advice instead");
                });
        agency.requireKnown(c.agencyId(), theCase.localAuthorityCode(), c.adviceType());
        return List.of(new ExistingAdviceReused(ctx.nextEventId(), c.caseId(), theCase.localAuthorityCode(), ctx.today(),
                ctx.now(), ExistingAdviceReused.SCHEMA_VERSION, c.adviceReuseId(), c.adviceType(), c.agencyId(),
                c.adviceDate()));
    }
}
