package org.ehcptracker.reporting.forecast;

import java.time.LocalDate;

/**
 * A council's pipeline as fitted from its history over [windowStart, windowEnd] (docs/forecast.md, "The model"):
 * what {@link PipelineSimulation} runs.
 *
 * @param arrivals              requests (and transfers in) a week
 * @param decisionDays          clock start to the decision (or to leaving before one)
 * @param shareAssessed         of the requests decided, the share decided to assess
 * @param shareWithEp           of those assessed and not leaving without a plan, the share whose EP advice was asked for
 * @param epRequestLagDays      decision to the EP advice request
 * @param epDays                EP advice request to its return, the work's own time before capacity limits it
 * @param epCapacity            EP advice returned a week
 * @param shareLeavingAfterAssessment of those assessed, the share that closed without a plan (no plan, withdrawn)
 * @param leavingDays           decision to closing without a plan, for those
 * @param draftDays             the later of the decision and the EP advice to the draft plan
 * @param draftCapacity         drafts a week (caseworkers)
 * @param finalDays             draft to final plan (consultation and finalising)
 * @param exceptionShareInTime  of the plans issued within 20 weeks, the share with a 20-week exception
 * @param exceptionShareLate    of the plans issued late, the share with a 20-week exception
 */
public record PipelineModel(LocalDate windowStart, LocalDate windowEnd, ArrivalModel arrivals,
                            DurationDistribution decisionDays, double shareAssessed, double shareWithEp,
                            DurationDistribution epRequestLagDays, DurationDistribution epDays,
                            StageCapacity epCapacity, double shareLeavingAfterAssessment,
                            DurationDistribution leavingDays, DurationDistribution draftDays,
                            StageCapacity draftCapacity, DurationDistribution finalDays,
                            double exceptionShareInTime, double exceptionShareLate) {

    /** The model under a what-if (staff added, arrivals changed); the push is applied week by week in the run. */
    public PipelineModel under(Scenario scenario) {
        return new PipelineModel(windowStart, windowEnd, arrivals.times(scenario.arrivalsFactor()), decisionDays,
                shareAssessed, shareWithEp, epRequestLagDays, epDays, epCapacity.plus(scenario.extraEps()),
                shareLeavingAfterAssessment, leavingDays, draftDays, draftCapacity.plus(scenario.extraCaseworkers()),
                finalDays, exceptionShareInTime, exceptionShareLate);
    }
}
