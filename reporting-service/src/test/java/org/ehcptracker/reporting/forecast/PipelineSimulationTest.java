package org.ehcptracker.reporting.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.ehcptracker.reporting.forecast.PipelineMeasures.Measure;
import org.junit.jupiter.api.Test;

/**
 * The simulation against queueing theory on a pipeline whose only delay is the EP queue, and its reproducibility.
 *
 * <p>The pipeline: 10 requests a week (Poisson), every one decided to assess on its day, every one needing EP
 * advice asked the same day with no work time of its own, drafting and finalising instant and unlimited. The EP
 * queue is then a discrete-time queue: Poisson(λ = 10) arrivals a week, Poisson(cμ) completions a week (μ = 2 per
 * EP).
 * <ul>
 * <li>c = 4 (cμ = 8 &lt; λ): overloaded. The fluid limit says the queue grows by λ − cμ = 2 a week: from the end
 * of month 3 to the end of month 12 (2026-04-30 to 2027-01-31, 276 days = 39.4 weeks) by 78.9.</li>
 * <li>c = 8 (cμ = 16, ρ = λ/cμ = 0.625): stable. Kingman's bound for a queue whose weekly change is X = A − S
 * gives a mean queue at most Var(X) / (2 × −E[X]) = (λ + cμ) / (2 (cμ − λ)) = 26 / 12 = 2.17 requests, plus at most
 * the week's own requests not yet served on a month's last day (λ × 1 week = 10): the EP backlog's mean stays
 * under 12.2, and does not grow.</li>
 * </ul>
 */
class PipelineSimulationTest {

    private static final LocalDate START = LocalDate.of(2025, 12, 31);

    private static PipelineModel epOnly(double eps) {
        DurationDistribution none = DurationDistribution.constant(0);
        return new PipelineModel(START.minusWeeks(52), START, ArrivalModel.flat(START, 10), none, 1.0, 1.0, none, none,
                new StageCapacity(2, eps), 0.0, none, none, new StageCapacity(1000, 1), none, 0, 0);
    }

    private static double meanEpBacklog(Forecast f, int monthIndex) {
        return f.runs().stream().mapToInt(r -> r.get(monthIndex).epBacklog()).average().orElseThrow();
    }

    @Test
    void anOverloadedEpQueueGrowsAtArrivalsLessCapacity() {
        Forecast f = Forecast.of(epOnly(4), Scenario.NONE, List.of(), START, 12, 200, 1);

        double growthPerWeek = (meanEpBacklog(f, 11) - meanEpBacklog(f, 2)) / (276 / 7.0);
        assertThat(growthPerWeek).isCloseTo(2.0, within(0.3));
    }

    @Test
    void doublingEpsOnTheOverloadedQueueMakesItStableUnderKingmansBound() {
        Forecast before = Forecast.of(epOnly(4), Scenario.NONE, List.of(), START, 12, 200, 1);
        Forecast doubled = Forecast.of(epOnly(4), new Scenario(4, 0, 0, 0, 0, 1), List.of(), START, 12, 200, 1);

        for (int m = 2; m < 12; m++) {
            assertThat(meanEpBacklog(doubled, m)).as("month " + (m + 1)).isLessThan(10 + 26.0 / 12);
        }
        double growthPerWeek = (meanEpBacklog(doubled, 11) - meanEpBacklog(doubled, 2)) / (276 / 7.0);
        assertThat(growthPerWeek).isCloseTo(0, within(0.1));
        assertThat(meanEpBacklog(before, 11)).isGreaterThan(5 * meanEpBacklog(doubled, 11));
        // every plan waits only for its EP: the doubled council issues all it is asked, the other 8 a week
        assertThat(doubled.months().get(11).bands().get(Measure.PLANS_ISSUED).p50())
                .isGreaterThan(before.months().get(11).bands().get(Measure.PLANS_ISSUED).p50());
    }

    @Test
    void theSameSeedGivesTheSameForecastAndAnotherSeedAnother() {
        LocalDate end = LocalDate.of(2025, 8, 31);
        PipelineModel model = SyntheticCouncil.epBound(end);
        List<PipelineCase> history = SyntheticCouncil.history(model, end.minusYears(2), end, 3);

        Forecast a = Forecast.of(model, Scenario.NONE, history, end, 6, 50, 42);
        Forecast b = Forecast.of(model, Scenario.NONE, history, end, 6, 50, 42);
        Forecast c = Forecast.of(model, Scenario.NONE, history, end, 6, 50, 43);

        assertThat(a.months()).isEqualTo(b.months());
        assertThat(a.runs()).isEqualTo(b.runs());
        assertThat(c.runs()).isNotEqualTo(a.runs());
    }

    /**
     * The cases open on the start carry on from where they are: a council with 300 cases waiting for EP advice on
     * 2025-12-31 and no new requests clears them at the EP capacity (12 a week), so the EP backlog falls by about
     * 12 a week: 300 less 12 × 4.4 weeks (to 2026-01-31) is about 247 at the end of January. Drafting is
     * unlimited but works in weekly rounds, so the open cases exceed those waiting for the EP by at most the
     * advice returned in the last two weeks (24).
     */
    @Test
    void casesOpenOnTheStartCarryOnFromTheirStage() {
        DurationDistribution none = DurationDistribution.constant(0);
        PipelineModel model = new PipelineModel(START.minusWeeks(52), START, ArrivalModel.flat(START, 0), none, 1, 1,
                none, none, new StageCapacity(3, 4), 0, none, none, new StageCapacity(1000, 1), none, 0, 0);
        List<PipelineCase> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            LocalDate asked = START.minusDays(i % 60);
            waiting.add(new PipelineCase(null, asked.minusDays(40), asked.minusDays(1), true, null, asked, null, null,
                    null, false));
        }

        Forecast f = Forecast.of(model, Scenario.NONE, waiting, START, 3, 100, 5);

        assertThat(f.months().get(0).bands().get(Measure.EP_BACKLOG).p50()).isCloseTo(247, within(12.0));
        assertThat(f.runs()).allSatisfy(run -> assertThat(run.get(0).open() - run.get(0).epBacklog()).isBetween(0, 24));
    }

    /**
     * A run measures its futures with int days (for speed); {@link PipelineMeasures#of} measures cases with dates
     * (the actuals of a backtest). The same future measured both ways gives the same figures every month.
     */
    @Test
    void aRunsOwnMeasuresAgreeWithTheMeasuresOfItsCases() {
        LocalDate end = LocalDate.of(2025, 8, 31);
        PipelineModel model = SyntheticCouncil.epBound(end);
        List<PipelineCase> history = SyntheticCouncil.history(model, end.minusYears(2), end, 5);
        List<PipelineCase> known = history.stream().map(c -> c.asOn(end)).filter(java.util.Objects::nonNull).toList();

        List<PipelineMeasures> measured = PipelineSimulation.run(model, Scenario.NONE,
                PipelineSimulation.openOn(known, end), end, 6, new java.util.SplittableRandom(99));
        List<PipelineCase> future = PipelineSimulation.cases(model, Scenario.NONE, known, end,
                java.time.YearMonth.from(end).plusMonths(6).atEndOfMonth(), new java.util.SplittableRandom(99));

        assertThat(measured).hasSize(6);
        for (PipelineMeasures m : measured) {
            assertThat(PipelineMeasures.of(m.month(), future)).isEqualTo(m);
        }
        assertThat(measured.get(5).plansIssued()).isPositive();
    }
}
