package org.ehcptracker.reporting.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The fit recovers the parameters of histories made with known ones, within the tolerances docs/forecast.md
 * states ("Fitting": what is recovered and how closely).
 */
class PipelineFitterTest {

    private static final LocalDate END = LocalDate.of(2025, 8, 31);

    /**
     * Requests drawn week by week (Poisson) from a known trend and season over 156 weeks ending 2025-08-31: 30 a
     * week (de-seasonalised) on 2025-08-31, rising 0.05 a week (so 22.2 a week 156 weeks earlier), autumn term 1.2,
     * spring 1.0, summer term 1.0, August 0.5 before scaling to average 1 over a year. Recovered: the rate on the
     * last day within 8%, the trend within 0.02 a week, each term's factor within 0.08 and August's within 0.15
     * (about nine weeks a year of it).
     */
    @Test
    void arrivalsTrendAndSchoolYearSeasonAreRecovered() {
        Map<SchoolPeriod, Double> seasons = SyntheticCouncil.seasons(1.2, 1.0, 1.0, 0.5);
        ArrivalModel truth = new ArrivalModel(END, 30, 0.05, seasons);
        int weeks = 156;
        LocalDate windowStart = END.minusDays(7L * weeks - 1);
        SplittableRandom random = new SplittableRandom(20261129);
        PipelineSimulation dice = diceOf(random);
        List<PipelineCase> cases = new ArrayList<>();
        for (int k = 0; k < weeks; k++) {
            LocalDate weekStart = windowStart.plusDays(7L * k);
            int n = dice.poisson(truth.perWeek(weekStart));
            for (int i = 0; i < n; i++) {
                cases.add(new PipelineCase(UUID.randomUUID(), weekStart.plusDays(random.nextInt(7)), null, null, null,
                        null, null, null, null, false));
            }
        }

        ArrivalModel fitted = PipelineFitter.fit(cases, END, weeks, 1, 1).arrivals();

        assertThat(fitted.perWeekAtReference()).isCloseTo(30, within(30 * 0.08));
        assertThat(fitted.trendPerWeek()).isCloseTo(0.05, within(0.02));
        for (SchoolPeriod p : SchoolPeriod.values()) {
            double tolerance = p == SchoolPeriod.SUMMER_HOLIDAY ? 0.15 : 0.08;
            assertThat(fitted.seasonalFactors().get(p)).as(p.name()).isCloseTo(seasons.get(p), within(tolerance));
        }
    }

    /**
     * The EP-bound council of {@link SyntheticCouncil#epBound} run for three years from empty, fitted on its last
     * 104 weeks: shares within 0.03 (about 2,000 decisions), the decision and final durations' medians within two
     * days of 35 and 30, the EP stage found capacity-bound and its capacity (12 a week: 3 per EP, 4 EPs) within 10%;
     * drafting, never the constraint, found not bound, its days' median (7-21: 14) within two days and its
     * throughput (about 13.5 a week) a lower bound of its capacity of 40.
     */
    @Test
    void sharesDurationsAndEpCapacityAreRecovered() {
        PipelineModel truth = SyntheticCouncil.epBound(END);
        List<PipelineCase> history = SyntheticCouncil.history(truth, END.minusYears(3), END, 7);

        PipelineModel fitted = PipelineFitter.fit(history, END, 104, 4, 10);

        assertThat(fitted.arrivals().perWeekAtReference()).isCloseTo(20, within(2.0));
        // three standard errors of a least-squares slope over 104 weeks of Poisson(20): 3 × √20 / √(104³/12) = 0.044
        assertThat(fitted.arrivals().trendPerWeek()).isCloseTo(0, within(0.045));
        assertThat(fitted.shareAssessed()).isCloseTo(0.8, within(0.03));
        assertThat(fitted.shareWithEp()).isCloseTo(0.9, within(0.03));
        assertThat(fitted.shareLeavingAfterAssessment()).isCloseTo(0.05, within(0.02));
        assertThat(fitted.decisionDays().quantile(0.5)).isCloseTo(35, within(2));
        assertThat(fitted.finalDays().quantile(0.5)).isCloseTo(30, within(2));
        assertThat(fitted.epRequestLagDays().quantile(1.0)).isEqualTo(3);
        assertThat(fitted.epCapacity().perWeek()).isCloseTo(12, within(1.2));
        assertThat(fitted.epCapacity().perStaffPerWeek()).isCloseTo(3, within(0.3));
        assertThat(fitted.epCapacity().bound()).isTrue();
        assertThat(fitted.epDays().quantile(0.5)).as("the EP's own work, waits left out").isEqualTo(fitted.epDays().quantile(0.1));
        // drafting, never the constraint, is not bound: its throughput is read, and it is left unlimited
        assertThat(fitted.draftCapacity().bound()).isFalse();
        assertThat(fitted.draftCapacity().perStaffPerWeek() * 10).isBetween(12.0, 40.0);
        assertThat(fitted.draftDays().quantile(0.5)).isCloseTo(14, within(2));
        assertThat(fitted.exceptionShareLate()).isCloseTo(0.30, within(0.05));
        assertThat(fitted.exceptionShareInTime()).isCloseTo(0.05, within(0.05));
    }

    /**
     * Nothing dated after the window's end is read: fitting the whole history on a past day gives the model fitted
     * from the history as it stood that day (what a backtest relies on).
     */
    @Test
    void theFitReadsNothingAfterTheWindowsEnd() {
        PipelineModel truth = SyntheticCouncil.epBound(END);
        List<PipelineCase> history = SyntheticCouncil.history(truth, END.minusYears(3), END, 11);
        LocalDate cut = END.minusMonths(6);
        List<PipelineCase> asOn = history.stream().map(c -> c.asOn(cut)).filter(java.util.Objects::nonNull).toList();

        PipelineModel a = PipelineFitter.fit(asOn, cut, 52, 4, 10);
        PipelineModel b = PipelineFitter.fit(history, cut, 52, 4, 10);

        assertThat(a.arrivals()).isEqualTo(b.arrivals());
        assertThat(a.epCapacity()).isEqualTo(b.epCapacity());
        assertThat(a.shareAssessed()).isEqualTo(b.shareAssessed());
        assertThat(a.shareWithEp()).isEqualTo(b.shareWithEp());
        assertThat(a.shareLeavingAfterAssessment()).isEqualTo(b.shareLeavingAfterAssessment());
        assertThat(a.draftCapacity()).isEqualTo(b.draftCapacity());
        assertThat(a.finalDays().quantile(0.5)).isEqualTo(b.finalDays().quantile(0.5));
        assertThat(asOn).allSatisfy(c -> assertThat(c.issued() == null || !c.issued().isAfter(cut)).isTrue());
    }

    private static PipelineSimulation diceOf(SplittableRandom random) {
        return PipelineSimulation.dice(random);
    }
}
