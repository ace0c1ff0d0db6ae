package org.ehcptracker.reporting.forecast;

import java.time.LocalDate;
import java.util.SplittableRandom;

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
 * @param finalDays             draft to final plan when the plan names a school or other setting (consulted first)
 * @param exceptionShareInTime  of the plans issued within 20 weeks, the share with a 20-week exception
 * @param exceptionShareLate    of the plans issued late, the share with a 20-week exception
 * @param finalDaysTypeNamed    draft to final plan when the plan names a type of setting (no school consulted)
 * @param shareTypeNamed        of the final plans, the share naming a type of setting
 * @param shareWithOtherAdvice  of those assessed and not leaving, the share asked for health, social care or
 *                              education advice
 * @param otherAdviceDays       decision to the last of that advice returned (not capacity-bound: the agencies'
 *                              own time)
 * @param uncertainty           how well the history pinned the parameters down, for {@link #drawn}
 */
public record PipelineModel(LocalDate windowStart, LocalDate windowEnd, ArrivalModel arrivals,
                            DurationDistribution decisionDays, double shareAssessed, double shareWithEp,
                            DurationDistribution epRequestLagDays, DurationDistribution epDays,
                            StageCapacity epCapacity, double shareLeavingAfterAssessment,
                            DurationDistribution leavingDays, DurationDistribution draftDays,
                            StageCapacity draftCapacity, DurationDistribution finalDays,
                            double exceptionShareInTime, double exceptionShareLate,
                            DurationDistribution finalDaysTypeNamed, double shareTypeNamed,
                            double shareWithOtherAdvice, DurationDistribution otherAdviceDays, Uncertainty uncertainty) {

    /**
     * The evidence behind the fitted parameters (docs/forecast.md, "Parameter uncertainty"): how many cases each
     * share was read from, the standard errors of the arrivals' line, and how much each stage's 8-week throughput
     * varied. {@link #NONE}: parameters known exactly (a model built by hand).
     *
     * @param arrivalsCentreError  standard error of the line's level at the window's middle week (requests a week)
     * @param arrivalsTrendError   standard error of its slope (requests a week, per week)
     * @param centreWeeks          the window's middle, in weeks before its end (the line pivots on it)
     * @param epCapacityVariation  relative standard deviation of the 8-week mean EP throughput over the window
     * @param draftCapacityVariation the same for drafts
     */
    public record Uncertainty(int decisionsSeen, int epSharesSeen, int leavingSharesSeen, int finalsSeen,
                              int inTimeSeen, int lateSeen, double arrivalsCentreError, double arrivalsTrendError,
                              double centreWeeks, double epCapacityVariation, double draftCapacityVariation) {

        public static final Uncertainty NONE = new Uncertainty(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        public boolean isNone() {
            return equals(NONE);
        }
    }

    /**
     * A hand-built model: every plan names a setting after consultation (one draft → final time), no advice but
     * the EP's, parameters known exactly.
     */
    public PipelineModel(LocalDate windowStart, LocalDate windowEnd, ArrivalModel arrivals,
                         DurationDistribution decisionDays, double shareAssessed, double shareWithEp,
                         DurationDistribution epRequestLagDays, DurationDistribution epDays, StageCapacity epCapacity,
                         double shareLeavingAfterAssessment, DurationDistribution leavingDays,
                         DurationDistribution draftDays, StageCapacity draftCapacity, DurationDistribution finalDays,
                         double exceptionShareInTime, double exceptionShareLate) {
        this(windowStart, windowEnd, arrivals, decisionDays, shareAssessed, shareWithEp, epRequestLagDays, epDays,
                epCapacity, shareLeavingAfterAssessment, leavingDays, draftDays, draftCapacity, finalDays,
                exceptionShareInTime, exceptionShareLate, finalDays, 0, 0, DurationDistribution.constant(0),
                Uncertainty.NONE);
    }

    /** The model under a what-if (staff added, arrivals changed); the push is applied week by week in the run. */
    public PipelineModel under(Scenario scenario) {
        return new PipelineModel(windowStart, windowEnd, arrivals.times(scenario.arrivalsFactor()), decisionDays,
                shareAssessed, shareWithEp, epRequestLagDays, epDays, epCapacity.plus(scenario.extraEps()),
                shareLeavingAfterAssessment, leavingDays, draftDays, draftCapacity.plus(scenario.extraCaseworkers()),
                finalDays, exceptionShareInTime, exceptionShareLate, finalDaysTypeNamed,
                scenario.typeNamedShare() == null ? shareTypeNamed : scenario.typeNamedShare(), shareWithOtherAdvice,
                otherAdviceDays, uncertainty);
    }

    /**
     * One plausible set of parameters given the history (a parametric and non-parametric bootstrap, docs/forecast.md
     * "Parameter uncertainty"): each share redrawn as the share of a binomial sample of the size it was read from,
     * each duration distribution resampled with replacement, the arrivals' level and slope redrawn from their
     * standard errors, each capacity scaled by a draw of its observed variation. A run of the forecast draws its
     * own, so its band carries what the history could not tell as well as the dice of one future.
     */
    public PipelineModel drawn(SplittableRandom random) {
        if (uncertainty.isNone()) {
            return this;
        }
        Uncertainty u = uncertainty;
        double slope = arrivals.trendPerWeek() + u.arrivalsTrendError() * gaussian(random);
        double centre = arrivals.perWeekAtReference() - arrivals.trendPerWeek() * u.centreWeeks()
                + u.arrivalsCentreError() * gaussian(random);
        ArrivalModel a = new ArrivalModel(arrivals.reference(), Math.max(0, centre + slope * u.centreWeeks()), slope,
                arrivals.seasonalFactors());
        return new PipelineModel(windowStart, windowEnd, a, decisionDays.resampled(random),
                binomialShare(shareAssessed, u.decisionsSeen(), random), binomialShare(shareWithEp, u.epSharesSeen(), random),
                epRequestLagDays.resampled(random), epDays.resampled(random),
                epCapacity.scaled(variation(u.epCapacityVariation(), random)),
                binomialShare(shareLeavingAfterAssessment, u.leavingSharesSeen(), random), leavingDays.resampled(random),
                draftDays.resampled(random), draftCapacity.scaled(variation(u.draftCapacityVariation(), random)),
                finalDays.resampled(random), binomialShare(exceptionShareInTime, u.inTimeSeen(), random),
                binomialShare(exceptionShareLate, u.lateSeen(), random), finalDaysTypeNamed.resampled(random),
                binomialShare(shareTypeNamed, u.finalsSeen(), random),
                binomialShare(shareWithOtherAdvice, u.epSharesSeen(), random), otherAdviceDays.resampled(random), u);
    }

    /** A capacity factor 1 + σz, floored at a fifth (a stage does not stop because the dice say so). */
    private static double variation(double relativeSd, SplittableRandom random) {
        return Math.max(0.2, 1 + relativeSd * gaussian(random));
    }

    /** The share of successes in {@code n} trials at {@code p} (normal approximation above 50 trials). */
    static double binomialShare(double p, int n, SplittableRandom random) {
        if (n <= 0) {
            return p;
        }
        if (n > 50) {
            return Math.min(1, Math.max(0, p + Math.sqrt(p * (1 - p) / n) * gaussian(random)));
        }
        int k = 0;
        for (int i = 0; i < n; i++) {
            k += random.nextDouble() < p ? 1 : 0;
        }
        return k / (double) n;
    }

    static double gaussian(SplittableRandom random) {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
