package org.ehcptracker.reporting.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Naming a type of setting instead of consulting schools (issue 15): the consultation (draft → final) is fitted
 * separately for plans naming a type of setting and plans naming a school, and a what-if sets the share naming a
 * type.
 *
 * <p>The council: {@link SyntheticCouncil#consulting}, 20% of plans naming a type of setting, finalised 5-15 days
 * after the draft (median 10), the others 40-60 days (median 50) while the school is consulted.
 */
class ConsultationWhatIfTest {

    private static final LocalDate END = LocalDate.of(2025, 8, 31);

    /**
     * Over 104 weeks, about 1,300 final plans: the share naming a type within 0.03 of 0.2 (three standard errors:
     * 3 × √(0.2 × 0.8 / 1300) = 0.033), each kind's median within two days of 10 and 50.
     */
    @Test
    void bothConsultationTimesAndTheShareNamingATypeAreRecovered() {
        List<PipelineCase> history = SyntheticCouncil.history(SyntheticCouncil.consulting(END, 0.2),
                END.minusYears(3), END, 5);

        PipelineModel fitted = PipelineFitter.fit(history, END, 104, 4, 10);

        assertThat(fitted.shareTypeNamed()).isCloseTo(0.2, within(0.03));
        assertThat(fitted.finalDaysTypeNamed().quantile(0.5)).isCloseTo(10, within(2));
        assertThat(fitted.finalDays().quantile(0.5)).isCloseTo(50, within(2));
    }

    /**
     * On the same council with eight EPs (24 a week: no EP queue to speak of, so a future's time to plan varies
     * little with its dice), raising the share naming a type from 20% to 80% shortens the draft → final time of 60% more plans by 40 days
     * (50 − 10, the medians): the mean request → final plan falls by 0.6 × 40 = 24 days; every other stage is
     * random too (each future's draws fall out of step once plans issue on other days), so the means are over the
     * requests of the year after the fit in eight futures each (about 5,000 plans: a standard error of about 1.3
     * days on the difference): within 4 days of it. The open backlog falls with it, by Little's law the plans
     * issued a day (all that are assessed and stay: 20 × 0.8 × 0.95 = 15.2 a week, 2.17 a day) times the days
     * saved (24): about 52 fewer open cases once the change has worked through (month 12's medians; within 20: the what-if's
     * futures fall out of step with the forecast's).
     */
    @Test
    void namingATypeOfSettingMoreOftenShortensTheTimeToTheFinalPlan() {
        PipelineModel truth = SyntheticCouncil.withEpCapacity(SyntheticCouncil.consulting(END, 0.2),
                new StageCapacity(3, 8));
        List<PipelineCase> history = SyntheticCouncil.history(truth, END.minusYears(3), END, 5);
        PipelineModel fitted = PipelineFitter.fit(history, END, 104, 4, 10);
        Scenario moreTypes = new Scenario(0, 0, 0, 0, 0, 1, 0.8);

        double before = meanDaysToPlan(fitted, Scenario.NONE, history);
        double after = meanDaysToPlan(fitted, moreTypes, history);

        assertThat(before - after).isCloseTo(24, within(4.0));
        Forecast f = Forecast.of(fitted, Scenario.NONE, history, END, 12, 100, 3);
        Forecast w = Forecast.of(fitted, moreTypes, history, END, 12, 100, 3);
        PipelineMeasures.Measure open = PipelineMeasures.Measure.OPEN;
        assertThat(f.months().get(11).bands().get(open).p50() - w.months().get(11).bands().get(open).p50())
                .isCloseTo(52, within(20.0));
    }

    /**
     * The mean days from request to final plan of the requests made in the year after {@code END}, over 8 futures
     * run for four years: the EP queue of this council grows, so a shorter run would cut off the slowest plans of
     * the slower scenario and understate the difference.
     */
    private static double meanDaysToPlan(PipelineModel model, Scenario scenario, List<PipelineCase> history) {
        List<PipelineCase> future = new java.util.ArrayList<>();
        for (int seed = 1; seed <= 8; seed++) {
            future.addAll(PipelineSimulation.cases(model, scenario, history, END, END.plusYears(4),
                    new SplittableRandom(seed)));
        }
        return future.stream().filter(c -> c.issued() != null && c.clockStart().isAfter(END)
                        && !c.clockStart().isAfter(END.plusYears(1)))
                .mapToLong(c -> c.issued().toEpochDay() - c.clockStart().toEpochDay()).average().orElseThrow();
    }
}
