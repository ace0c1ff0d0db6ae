package org.ehcptracker.reporting.rest;

import java.util.List;

/**
 * A forecast as CSV, one line a month and measure, under one header: the forecast's and the what-if's lines
 * ({@code forecast} / {@code whatIf}) fill p10, p50 and p90; the backtest's ({@code backtest}, month = its cut) fill
 * monthsCompared, meanAbsoluteError, meanAbsolutePercentError and coverage. A forecast not shown has a
 * {@code notShown} line with the reason in the measure column, and no band.
 */
final class ForecastCsv {

    private ForecastCsv() {
    }

    static String of(ForecastResponse r) {
        StringBuilder out = new StringBuilder("section,month,measure,p10,p50,p90,monthsCompared,meanAbsoluteError,"
                + "meanAbsolutePercentError,coverage\n");
        if (!r.shown()) {
            out.append("notShown,,\"").append(r.reason().replace("\"", "\"\"")).append("\",,,,,,,\n");
        }
        bands(out, "forecast", r.forecast());
        bands(out, "whatIf", r.whatIf());
        if (r.backtest() != null) {
            for (ForecastResponse.MeasureError e : r.backtest().errors()) {
                out.append("backtest,").append(r.backtest().cut()).append(',').append(e.measure())
                        .append(",,,,").append(e.monthsCompared()).append(',').append(text(e.meanAbsoluteError()))
                        .append(',').append(text(e.meanAbsolutePercentError())).append(',')
                        .append(text(e.coverage())).append('\n');
            }
        }
        return out.toString();
    }

    private static void bands(StringBuilder out, String section, List<ForecastResponse.MonthBands> months) {
        if (months == null) {
            return;
        }
        for (ForecastResponse.MonthBands m : months) {
            m.bands().forEach((measure, b) -> out.append(section).append(',').append(m.month()).append(',')
                    .append(measure).append(',').append(b.p10()).append(',').append(b.p50()).append(',')
                    .append(b.p90()).append(",,,,\n"));
        }
    }

    private static String text(Double v) {
        return v == null ? "" : v.toString();
    }
}
