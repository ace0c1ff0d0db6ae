package org.ehcptracker.reporting.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Health, social care and education advice beside the EP's (issue 15): the slowest advice bounds the draft, so a
 * what-if adding EPs is not credited with time the other advice takes anyway.
 *
 * <p>The pipeline: 10 requests a week, all assessed on the day of the request, EP advice asked that day: 21 days'
 * own work, then a queue served at 2 a week per EP; drafting and finalising otherwise immediate (drafts served
 * weekly). Six EPs (cμ = 12, ρ = 0.83): Kingman's bound puts the mean queue at (10 + 12) / (2 × 2) = 5.5, about
 * four days' wait; ten EPs (cμ = 20): (10 + 20) / (2 × 10) = 1.5, about one day. So without other advice, four more
 * EPs save about three days of the time to the final plan (held: more than 1.5). With health advice asked of every
 * case and returned 70 days after the decision, the EP advice (21 days and a wait of days) is never the slowest:
 * the four EPs save nothing (held: less than half a day either way; the futures' weekly days are the only
 * difference).
 */
class OtherAdviceTest {

    private static final LocalDate START = LocalDate.of(2025, 12, 31);

    private static PipelineModel pipeline(double otherShare) {
        DurationDistribution none = DurationDistribution.constant(0);
        return new PipelineModel(START.minusWeeks(52), START, ArrivalModel.flat(START, 10), none, 1.0, 1.0, none,
                DurationDistribution.constant(21), new StageCapacity(2, 6), 0.0, none, none,
                new StageCapacity(1000, 1), none, 0, 0, none, 0, otherShare, DurationDistribution.constant(70),
                PipelineModel.Uncertainty.NONE);
    }

    /** The mean days from request to final plan of the requests of the first year, over four futures. */
    private static double meanDaysToPlan(PipelineModel model, Scenario scenario) {
        List<PipelineCase> cases = new ArrayList<>();
        for (int seed = 1; seed <= 4; seed++) {
            cases.addAll(PipelineSimulation.cases(model, scenario, List.of(), START, START.plusYears(2),
                    new SplittableRandom(seed)));
        }
        return cases.stream().filter(c -> c.issued() != null && !c.clockStart().isAfter(START.plusYears(1)))
                .mapToLong(c -> c.issued().toEpochDay() - c.clockStart().toEpochDay()).average().orElseThrow();
    }

    @Test
    void moreEpsSpeedUpPlansOnlyWhereTheEpAdviceIsTheSlowest() {
        Scenario fourMoreEps = new Scenario(4, 0, 0, 0, 0, 1);

        double epOnlySaved = meanDaysToPlan(pipeline(0), Scenario.NONE) - meanDaysToPlan(pipeline(0), fourMoreEps);
        double withHealthSaved = meanDaysToPlan(pipeline(1), Scenario.NONE) - meanDaysToPlan(pipeline(1), fourMoreEps);

        assertThat(epOnlySaved).isGreaterThan(1.5);
        assertThat(Math.abs(withHealthSaved)).isLessThan(0.5);
    }

    /**
     * The fit reads the other advice: on the {@link SyntheticCouncil#epBound} council with health advice asked of
     * 60% of the assessed cases, returned 50-90 days after the decision, the share within 0.03 and the median within
     * three days of 70.
     */
    @Test
    void theShareAndTimeOfTheOtherAdviceAreRecovered() {
        LocalDate end = LocalDate.of(2025, 8, 31);
        PipelineModel m = SyntheticCouncil.epBound(end);
        PipelineModel truth = new PipelineModel(m.windowStart(), end, m.arrivals(), m.decisionDays(),
                m.shareAssessed(), m.shareWithEp(), m.epRequestLagDays(), m.epDays(), m.epCapacity(),
                m.shareLeavingAfterAssessment(), m.leavingDays(), m.draftDays(), m.draftCapacity(), m.finalDays(),
                m.exceptionShareInTime(), m.exceptionShareLate(), m.finalDays(), 0, 0.6,
                SyntheticCouncil.uniform(50, 90), PipelineModel.Uncertainty.NONE);
        List<PipelineCase> history = SyntheticCouncil.history(truth, end.minusYears(3), end, 9);

        PipelineModel fitted = PipelineFitter.fit(history, end, 104, 4, 10);

        assertThat(fitted.shareWithOtherAdvice()).isCloseTo(0.6, org.assertj.core.api.Assertions.within(0.03));
        assertThat(fitted.otherAdviceDays().quantile(0.5)).isCloseTo(70, org.assertj.core.api.Assertions.within(3));
    }
}
