package org.ehcptracker.reporting.forecast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ehcptracker.reporting.forecast.PipelineMeasures.Measure;

/**
 * Many simulated futures of one model from one start, summarised month by month as a band per measure, with the
 * runs kept for the targets' questions ({@link #firstMonthAtOrBelow}, {@link #firstMonthAtOrAbove}).
 *
 * @param runs every run's months (runs × months)
 */
public record Forecast(LocalDate start, Scenario scenario, long seed, List<MonthBands> months,
                       List<List<PipelineMeasures>> runs) {

    /** One month's bands, by measure (a measure without a band, a percentage with no plans, is absent). */
    public record MonthBands(YearMonth month, Map<Measure, Band> bands) {
    }

    /**
     * {@code runs} futures from {@code start} over {@code months} months; run i uses the i-th split of a random
     * generator seeded with {@code seed}, so a what-if and the forecast it is compared with share their randomness
     * (the difference is the change's, not the dice's).
     */
    public static Forecast of(PipelineModel model, Scenario scenario, Collection<PipelineCase> known, LocalDate start,
                              int months, int runs, long seed) {
        return of(model, scenario, known, start, months, runs, seed, true);
    }

    /**
     * As {@link #of(PipelineModel, Scenario, Collection, LocalDate, int, int, long)}; {@code parameterUncertainty}
     * false runs every future on the fitted parameters themselves (the model before issue 15's bands were widened,
     * kept to measure what the widening does).
     */
    static Forecast of(PipelineModel model, Scenario scenario, Collection<PipelineCase> known, LocalDate start,
                       int months, int runs, long seed, boolean parameterUncertainty) {
        SplittableRandom root = new SplittableRandom(seed);
        List<SplittableRandom> dice = new ArrayList<>(runs);
        for (int r = 0; r < runs; r++) {
            dice.add(root.split());
        }
        // the futures are independent, each with its own generator split off in order: run side by side, they give
        // the same answer as one after another (the list keeps the runs' order)
        List<PipelineSimulation.Open> open = PipelineSimulation.openOn(known, start);
        List<List<PipelineMeasures>> all = dice.parallelStream()
                .map(random -> PipelineSimulation.run(parameterUncertainty ? model.drawn(random) : model, scenario, open,
                        start, months, random)).toList();
        List<MonthBands> bands = new ArrayList<>(months);
        for (int m = 0; m < months; m++) {
            Map<Measure, Band> byMeasure = new EnumMap<>(Measure.class);
            for (Measure measure : Measure.values()) {
                double[] values = new double[runs];
                int n = 0;
                for (List<PipelineMeasures> run : all) {
                    Double v = run.get(m).value(measure);
                    if (v != null) {
                        values[n++] = v;
                    }
                }
                Band band = Band.of(values, n, runs);
                if (band != null) {
                    byMeasure.put(measure, band);
                }
            }
            bands.add(new MonthBands(all.isEmpty() ? YearMonth.from(start).plusMonths(m + 1L)
                    : all.get(0).get(m).month(), byMeasure));
        }
        return new Forecast(start, scenario, seed, bands, all);
    }

    /** The first month whose median of {@code measure} is at or below {@code target}, or null within the horizon. */
    public YearMonth firstMonthAtOrBelow(Measure measure, double target) {
        for (MonthBands m : months) {
            Band b = m.bands().get(measure);
            if (b != null && b.p50() <= target) {
                return m.month();
            }
        }
        return null;
    }

    /** The first month whose median of {@code measure} is at or above {@code target}, or null within the horizon. */
    public YearMonth firstMonthAtOrAbove(Measure measure, double target) {
        for (MonthBands m : months) {
            Band b = m.bands().get(measure);
            if (b != null && b.p50() >= target) {
                return m.month();
            }
        }
        return null;
    }

    /** The share of runs in which {@code measure} is at or below {@code target} in the last month. */
    public double chanceAtOrBelowAtEnd(Measure measure, double target) {
        return chanceAtEnd(measure, v -> v <= target);
    }

    /** The share of runs in which {@code measure} is at or above {@code target} in the last month. */
    public double chanceAtOrAboveAtEnd(Measure measure, double target) {
        return chanceAtEnd(measure, v -> v >= target);
    }

    private double chanceAtEnd(Measure measure, java.util.function.DoublePredicate holds) {
        if (runs.isEmpty() || months.isEmpty()) {
            return 0;
        }
        int last = months.size() - 1;
        long n = runs.stream().map(r -> r.get(last).value(measure)).filter(v -> v != null && holds.test(v)).count();
        return n / (double) runs.size();
    }
}
