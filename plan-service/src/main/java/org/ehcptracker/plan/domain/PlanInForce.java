package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.statutory.StatutoryClock;

/**
 * A plan from its final issue, as plan-service's {@code plan_in_force} table keeps it (written in the same
 * transactions as the plan's, its reviews' and its cessation's events): the facts a review or a cessation is
 * decided against.
 *
 * @param lastReviewMeeting the latest review meeting held, or null before the first
 * @param openReviewId      a review held and not finished (undecided, or decided AMEND and not yet amended), or null
 * @param ceasedDate        null while the plan is maintained
 */
public record PlanInForce(UUID planId, UUID caseId, String localAuthorityCode, LocalDate issuedDate,
                          LocalDate lastReviewMeeting, UUID openReviewId, LocalDate ceasedDate) {

    public PlanInForce {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(localAuthorityCode, "localAuthorityCode");
        Objects.requireNonNull(issuedDate, "issuedDate");
    }

    public boolean ceased() {
        return ceasedDate != null;
    }

    /**
     * s.44(1): the next review is due 12 months after the plan's issue, or after the last review meeting. An
     * amendment does not restart the 12 months (it is not a review). 12 months from 29 February is 28 February.
     */
    public LocalDate reviewDue() {
        return StatutoryClock.annualReviewDue(lastReviewMeeting != null ? lastReviewMeeting : issuedDate);
    }
}
