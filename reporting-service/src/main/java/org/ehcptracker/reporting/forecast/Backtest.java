package org.ehcptracker.reporting.forecast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.ehcptracker.reporting.forecast.PipelineMeasures.Measure;

/**
 * The check that the model is honest (docs/forecast.md, "Backtest"): fitted on what was known on a past day
 * ({@code cut}), forecast over the following months, compared with what then happened.
 *
 * @param errors      per measure: the months compared, the mean absolute error of the median, the mean absolute
 *                    percentage error (null when an actual was 0), and the share of months whose actual fell in
 *                    the 10th-90th percentile band
 * @param comparisons every month and measure: the actual and the band
 * @param businessDates the fit read the history by business dates as it stood on the cut, not the events recorded by
 *                    then (none were: a history imported later); its error is then a little optimistic
 */
public record Backtest(LocalDate cut, int months, List<MeasureError> errors, List<Comparison> comparisons,
                       boolean businessDates) {

    /** The same backtest, marked as read by business dates. */
    Backtest onBusinessDates() {
        return new Backtest(cut, months, errors, comparisons, true);
    }

    public record MeasureError(Measure measure, int monthsCompared, Double meanAbsoluteError,
                               Double meanAbsolutePercentError, Double coverage) {
    }

    public record Comparison(YearMonth month, Measure measure, double actual, Band forecast) {
    }

    /**
     * @param knownAtCut the cases as recorded by the end of {@code cut} (the "as known on" events); business dates
     *                   after {@code cut} are forgotten too
     * @param actual     the cases as known now, for what happened
     */
    public static Backtest run(Collection<PipelineCase> knownAtCut, Collection<PipelineCase> actual, LocalDate cut,
                               int months, int windowWeeks, double eps, double caseworkers, int runs, long seed) {
        return run(knownAtCut, actual, cut, months, windowWeeks, eps, caseworkers, runs, seed, true);
    }

    /** As above; {@code parameterUncertainty} false: the futures run on the fitted parameters only (the old bands). */
    static Backtest run(Collection<PipelineCase> knownAtCut, Collection<PipelineCase> actual, LocalDate cut,
                        int months, int windowWeeks, double eps, double caseworkers, int runs, long seed,
                        boolean parameterUncertainty) {
        List<PipelineCase> known = knownAtCut.stream().map(c -> c.asOn(cut)).filter(Objects::nonNull).toList();
        PipelineModel model = PipelineFitter.fit(known, cut, windowWeeks, eps, caseworkers);
        Forecast forecast = Forecast.of(model, Scenario.NONE, known, cut, months, runs, seed, parameterUncertainty);
        List<Comparison> comparisons = new ArrayList<>();
        List<MeasureError> errors = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            int n = 0, inBand = 0, pctN = 0;
            double abs = 0, pct = 0;
            boolean pctDefined = true;
            for (Forecast.MonthBands m : forecast.months()) {
                Double a = PipelineMeasures.of(m.month(), actual).value(measure);
                Band band = m.bands().get(measure);
                if (a == null || band == null) {
                    continue;
                }
                comparisons.add(new Comparison(m.month(), measure, a, band));
                n++;
                abs += Math.abs(band.p50() - a);
                inBand += band.contains(a) ? 1 : 0;
                if (a == 0) {
                    pctDefined = false;
                } else {
                    pct += Math.abs(band.p50() - a) / Math.abs(a);
                    pctN++;
                }
            }
            errors.add(new MeasureError(measure, n, n == 0 ? null : abs / n,
                    n == 0 || !pctDefined ? null : 100 * pct / pctN, n == 0 ? null : inBand / (double) n));
        }
        return new Backtest(cut, months, errors, comparisons, false);
    }

    /** The error of one measure. */
    public MeasureError error(Measure measure) {
        return errors.stream().filter(e -> e.measure() == measure).findFirst().orElseThrow();
    }
}
