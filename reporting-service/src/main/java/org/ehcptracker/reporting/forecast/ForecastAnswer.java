package org.ehcptracker.reporting.forecast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.ehcptracker.reporting.forecast.PipelineMeasures.Measure;

/**
 * The answer to a {@link ForecastQuestion}: the fitted model, the backtest, and (only when the backtest could be
 * run: a forecast whose error is unknown is not shown) the forecast, the what-if and the targets' answers.
 *
 * @param shown    false when there is no backtest (too little history before the backtest's cut); then
 *                 {@code forecast}, {@code whatIf} and {@code targets} are null and {@code reason} says why
 * @param whatIf   the forecast under the question's scenario, or null without one
 */
public record ForecastAnswer(boolean shown, String reason, PipelineModel model, Backtest backtest, Forecast forecast,
                             Forecast whatIf, List<TargetAnswer> targets) {

    /** The least history (weeks of requests before the backtest's cut) a backtest needs. */
    public static final int MIN_HISTORY_WEEKS = 26;

    /**
     * When the target is reached (the median crosses it), without and with the change, and the chance it holds in
     * the last month.
     */
    public record TargetAnswer(Measure measure, String direction, double target, YearMonth withoutChange,
                               Double chanceWithoutChange, YearMonth withChange, Double chanceWithChange) {
    }

    /**
     * @param now        every case as known now (fitted and carried into the forecast)
     * @param knownAtCut the cases as recorded by the end of the backtest's cut ({@link #backtestCut})
     */
    public static ForecastAnswer of(ForecastQuestion q, Collection<PipelineCase> now, Collection<PipelineCase> knownAtCut) {
        List<PipelineCase> asOfStart = now.stream().map(c -> c.asOn(q.start())).filter(java.util.Objects::nonNull).toList();
        PipelineModel model = PipelineFitter.fit(asOfStart, q.start(), q.windowWeeks(), q.eps(), q.caseworkers());
        LocalDate cut = backtestCut(q.start(), q.months());
        boolean onBusinessDates = false;
        if (!longEnough(knownAtCut, cut)) {
            // a history recorded after the cut (a council that imported its past): the backtest reads it by its
            // business dates instead, as it stood on the cut. Late corrections leak into it, so its error is a
            // little optimistic; the answer says which basis it used (docs/forecast.md, "Backtest")
            if (!longEnough(asOfStart, cut)) {
                return new ForecastAnswer(false, "its backtest error is unknown, because the "
                        + "history of " + cut + " (the backtest's cut, " + q.months() + " months before the last "
                        + "complete month) holds less than " + MIN_HISTORY_WEEKS + " weeks of requests", model, null,
                        null, null, null);
            }
            knownAtCut = asOfStart;
            onBusinessDates = true;
        }
        Backtest backtest = Backtest.run(knownAtCut, asOfStart, cut, q.months(), q.windowWeeks(), q.eps(),
                q.caseworkers(), q.runs(), q.seed());
        if (onBusinessDates) {
            backtest = backtest.onBusinessDates();
        }
        Forecast forecast = Forecast.of(model, Scenario.NONE, asOfStart, q.start(), q.months(), q.runs(), q.seed());
        Forecast whatIf = q.scenario() == null || q.scenario().isNone() ? null
                : Forecast.of(model, q.scenario(), asOfStart, q.start(), q.months(), q.runs(), q.seed());
        List<TargetAnswer> targets = new ArrayList<>();
        if (q.backlogTarget() != null) {
            double t = q.backlogTarget();
            targets.add(new TargetAnswer(Measure.OPEN, "AT_OR_BELOW", t, forecast.firstMonthAtOrBelow(Measure.OPEN, t),
                    forecast.chanceAtOrBelowAtEnd(Measure.OPEN, t),
                    whatIf == null ? null : whatIf.firstMonthAtOrBelow(Measure.OPEN, t),
                    whatIf == null ? null : whatIf.chanceAtOrBelowAtEnd(Measure.OPEN, t)));
        }
        if (q.percentTarget() != null) {
            double t = q.percentTarget();
            Measure m = Measure.PERCENT_WITHIN_20_WEEKS_EXCLUDING_EXCEPTIONS;
            targets.add(new TargetAnswer(m, "AT_OR_ABOVE", t, forecast.firstMonthAtOrAbove(m, t),
                    forecast.chanceAtOrAboveAtEnd(m, t), whatIf == null ? null : whatIf.firstMonthAtOrAbove(m, t),
                    whatIf == null ? null : whatIf.chanceAtOrAboveAtEnd(m, t)));
        }
        return new ForecastAnswer(true, null, model, backtest, forecast, whatIf, List.copyOf(targets));
    }

    /** The history holds requests from at least {@link #MIN_HISTORY_WEEKS} weeks before {@code cut}. */
    private static boolean longEnough(Collection<PipelineCase> history, LocalDate cut) {
        LocalDate firstSeen = history.stream().map(PipelineCase::clockStart).filter(d -> !d.isAfter(cut))
                .min(LocalDate::compareTo).orElse(null);
        return firstSeen != null && !firstSeen.plusWeeks(MIN_HISTORY_WEEKS).isAfter(cut);
    }

    /**
     * The backtest's cut: the end of the month {@code months} months before the last complete month before
     * {@code start}, so the backtest forecasts as many months as the question and all of them have happened.
     */
    public static LocalDate backtestCut(LocalDate start, int months) {
        return YearMonth.from(start).minusMonths(1L + months).atEndOfMonth();
    }
}
