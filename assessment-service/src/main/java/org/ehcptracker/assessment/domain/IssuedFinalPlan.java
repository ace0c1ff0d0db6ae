package org.ehcptracker.assessment.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A case's final EHC plan as plan-service issued it ({@code FinalPlanIssued}, read into this service's local view):
 * the fact the assessment rules and the worklist take from plan-service. Once the final plan is issued the
 * assessment is over: nothing statutory is due here, and no exception or transfer in can start after it.
 *
 * @param planId     the plan's id in plan-service
 * @param issuedDate the day the final plan was issued (the event's businessDate)
 */
public record IssuedFinalPlan(UUID planId, LocalDate issuedDate) {

    public IssuedFinalPlan {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(issuedDate, "issuedDate");
    }
}
