package org.ehcptracker.reporting.rest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.reporting.forecast.Backtest;
import org.ehcptracker.reporting.forecast.Band;
import org.ehcptracker.reporting.forecast.Forecast;
import org.ehcptracker.reporting.forecast.ForecastAnswer;
import org.ehcptracker.reporting.forecast.ForecastQuestion;
import org.ehcptracker.reporting.forecast.PipelineMeasures.Measure;
import org.ehcptracker.reporting.forecast.PipelineModel;
import org.ehcptracker.reporting.forecast.Scenario;
import org.ehcptracker.reporting.forecast.SchoolPeriod;

/** A council's forecast (and what-if) as the API returns it (docs/forecast.md, "API"). */
@Schema(description = "A council's forecast: the fitted model, the backtest's error per measure, and (only when the "
        + "backtest could be run) the months' bands, the what-if's and the targets' answers")
public record ForecastResponse(String localAuthorityCode, LocalDate start, int months, int windowWeeks, int runs,
                               long seed,
                               @Schema(description = "false: not shown as a forecast, its backtest error being unknown; "
                                       + "'reason' says why") boolean shown,
                               String reason, Model model, BacktestErrors backtest, Scenario scenario,
                               List<MonthBands> forecast, List<MonthBands> whatIf,
                               List<Target> targets) {

    /** A measure's backtest error (docs/forecast.md, "Backtest"). */
    public record MeasureError(String measure, int monthsCompared, Double meanAbsoluteError,
                               Double meanAbsolutePercentError,
                               @Schema(description = "share of months whose actual fell in the 10th-90th band") Double coverage) {
    }

    /** When the median reaches a target, without and with the what-if; the chance it holds in the last month. */
    public record Target(String measure, String direction, double target, YearMonth withoutChange,
                         Double chanceWithoutChange, YearMonth withChange, Double chanceWithChange) {
    }

    /** The fitted model, summarised. */
    public record Model(LocalDate windowStart, LocalDate windowEnd, double requestsPerWeek, double trendPerWeek,
                        Map<SchoolPeriod, Double> seasonalFactors, int decisionDaysMedian, double shareAssessed,
                        double shareWithEp, double shareLeavingAfterAssessment, int epDaysMedian,
                        double epAdvicePerEpPerWeek, double eps, boolean epCapacityBound, int draftDaysMedian,
                        double draftsPerCaseworkerPerWeek, double caseworkers, boolean draftCapacityBound,
                        int finalDaysMedian, double exceptionShareInTime, double exceptionShareLate,
                        @Schema(description = "of the final plans in the window, the share naming a type of setting (no school consulted)")
                        double shareTypeNamed,
                        @Schema(description = "median days from draft to final when a type of setting was named; finalDaysMedian is when a school or other setting was")
                        int finalDaysTypeNamedMedian,
                        @Schema(description = "of the assessed cases, the share asked for health, social care or education advice")
                        double shareWithOtherAdvice,
                        @Schema(description = "median days from the decision to the last of that advice returned")
                        int otherAdviceDaysMedian) {

        static Model of(PipelineModel m) {
            return new Model(m.windowStart(), m.windowEnd(), round(m.arrivals().perWeekAtReference()),
                    round(m.arrivals().trendPerWeek()), rounded(m.arrivals().seasonalFactors()),
                    m.decisionDays().quantile(0.5), round(m.shareAssessed()), round(m.shareWithEp()),
                    round(m.shareLeavingAfterAssessment()), m.epDays().quantile(0.5),
                    round(m.epCapacity().perStaffPerWeek()), m.epCapacity().staff(), m.epCapacity().bound(),
                    m.draftDays().quantile(0.5), round(m.draftCapacity().perStaffPerWeek()),
                    m.draftCapacity().staff(), m.draftCapacity().bound(), m.finalDays().quantile(0.5),
                    round(m.exceptionShareInTime()), round(m.exceptionShareLate()), round(m.shareTypeNamed()),
                    m.finalDaysTypeNamed().quantile(0.5), round(m.shareWithOtherAdvice()),
                    m.otherAdviceDays().quantile(0.5));
        }
    }

    /** The backtest: its cut, and the error per measure. */
    public record BacktestErrors(LocalDate cut, int months, List<MeasureError> errors,
                                 @Schema(description = "recorded: fitted on the events recorded by the cut (as known then); "
                                         + "businessDates: no events were recorded by then (an imported history), so on the "
                                         + "history by its business dates as it stood on the cut (a little optimistic)")
                                 String basis) {
    }

    /** One month's bands (10th, 50th, 90th percentiles) by measure; a percentage without plans is absent. */
    public record MonthBands(YearMonth month, Map<String, Band> bands) {

        static List<MonthBands> of(Forecast f) {
            return f == null ? null : f.months().stream().map(m -> {
                Map<String, Band> bands = new LinkedHashMap<>();
                m.bands().forEach((measure, b) -> bands.put(key(measure),
                        new Band(round(b.p10()), round(b.p50()), round(b.p90()))));
                return new MonthBands(m.month(), bands);
            }).toList();
        }
    }

    static ForecastResponse of(String la, ForecastQuestion q, ForecastAnswer a) {
        Backtest b = a.backtest();
        return new ForecastResponse(la, q.start(), q.months(), q.windowWeeks(), q.runs(), q.seed(), a.shown(),
                a.reason(), Model.of(a.model()), b == null ? null : new BacktestErrors(b.cut(), b.months(), b.errors().stream()
                        .map(e -> new MeasureError(key(e.measure()), e.monthsCompared(), round(e.meanAbsoluteError()),
                                round(e.meanAbsolutePercentError()), round(e.coverage()))).toList(),
                        b.businessDates() ? "businessDates" : "recorded"),
                q.scenario() == null || q.scenario().isNone() ? null : q.scenario(), MonthBands.of(a.forecast()),
                MonthBands.of(a.whatIf()), a.targets() == null ? null : a.targets().stream()
                        .map(t -> new Target(key(t.measure()), t.direction(), t.target(), t.withoutChange(),
                                round(t.chanceWithoutChange()), t.withChange(), round(t.chanceWithChange()))).toList());
    }

    /** A measure's name in the JSON: open, past20Weeks, ..., percentWithin20WeeksExcludingExceptions. */
    static String key(Measure m) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : m.name().toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static Map<SchoolPeriod, Double> rounded(Map<SchoolPeriod, Double> factors) {
        Map<SchoolPeriod, Double> out = new java.util.EnumMap<>(SchoolPeriod.class);
        factors.forEach((p, f) -> out.put(p, round(f)));
        return out;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static Double round(Double v) {
        return v == null ? null : round(v.doubleValue());
    }
}
