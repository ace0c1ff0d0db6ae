package org.ehcptracker.reporting.pages;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart drawn on the server as SVG: no chart library, no script, nothing to load, the same in every browser
 * and printable (docs/front-end.md, "Charts"). Each series has its own colour AND dash pattern, so it is told apart
 * without colour (WCAG 1.4.1); the figures themselves are in the table that goes with every chart.
 *
 * @param id      unique on the page: the SVG's title and description are labelled by it
 * @param title   what the chart shows, also its accessible name
 * @param labels  the x-axis points, in order (months, dates)
 * @param series  one or two lines over those points; a null value leaves a gap
 * @param maximum the top of the y axis, or null to fit the data
 * @param unit    appended to y-axis figures ("%" or "")
 */
public record LineChart(String id, String title, List<String> labels, List<Series> series, BigDecimal maximum,
                        String unit) {

    /** One line: its name in the legend, its values (one per label, null for none), its colour and dash. */
    public record Series(String name, List<BigDecimal> values) {
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 280;
    private static final int LEFT = 52;
    private static final int RIGHT = 40;
    private static final int TOP = 36;
    private static final int BOTTOM = 44;
    /** GOV.UK blue and dark grey: both above 3:1 against white (WCAG 1.4.11 non-text contrast). */
    private static final String[] COLOURS = {"#1d70b8", "#505a5f"};
    private static final String[] DASHES = {"", "6 4"};
    private static final int MOST_X_LABELS = 12;

    /** The chart as an SVG element, to be placed in the page as it is (its text is escaped here). */
    public String svg() {
        double top = axisTop();
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"ehcp-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ")
                .append(id).append("-desc\" focusable=\"false\">");
        svg.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(escape(description())).append("</desc>");
        // legend
        int legendX = LEFT;
        for (int s = 0; s < series.size(); s++) {
            svg.append("<line x1=\"").append(legendX).append("\" y1=\"14\" x2=\"").append(legendX + 28)
                    .append("\" y2=\"14\" stroke=\"").append(COLOURS[s % COLOURS.length])
                    .append("\" stroke-width=\"3\"").append(dash(s)).append("/>");
            svg.append("<text x=\"").append(legendX + 34).append("\" y=\"19\" font-size=\"14\" fill=\"#0b0c0c\">")
                    .append(escape(series.get(s).name())).append("</text>");
            legendX += 40 + 8 * series.get(s).name().length();
        }
        // y axis: five gridlines
        for (int g = 0; g <= 4; g++) {
            double value = top * g / 4;
            double y = TOP + plotHeight - plotHeight * g / 4.0;
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(fmt(y)).append("\" x2=\"")
                    .append(WIDTH - RIGHT).append("\" y2=\"").append(fmt(y))
                    .append("\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>");
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 5))
                    .append("\" font-size=\"13\" text-anchor=\"end\" fill=\"#0b0c0c\">")
                    .append(escape(number(value) + unit)).append("</text>");
        }
        // x labels, at most twelve
        int n = labels.size();
        int every = Math.max(1, (int) Math.ceil(n / (double) MOST_X_LABELS));
        for (int i = 0; i < n; i += every) {
            svg.append("<text x=\"").append(fmt(x(i, n, plotWidth))).append("\" y=\"").append(HEIGHT - BOTTOM + 20)
                    .append("\" font-size=\"12\" text-anchor=\"middle\" fill=\"#0b0c0c\">")
                    .append(escape(labels.get(i))).append("</text>");
        }
        // the lines, broken where a value is missing; a lone point is drawn as a dot
        for (int s = 0; s < series.size(); s++) {
            List<BigDecimal> values = series.get(s).values();
            List<String> run = new ArrayList<>();
            for (int i = 0; i <= n; i++) {
                BigDecimal v = i < n && i < values.size() ? values.get(i) : null;
                if (v != null) {
                    double y = TOP + plotHeight - plotHeight * Math.min(v.doubleValue(), top) / top;
                    run.add(fmt(x(i, n, plotWidth)) + "," + fmt(y));
                    continue;
                }
                draw(svg, run, s);
                run.clear();
            }
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private void draw(StringBuilder svg, List<String> points, int s) {
        if (points.isEmpty()) {
            return;
        }
        String colour = COLOURS[s % COLOURS.length];
        if (points.size() == 1) {
            String[] xy = points.get(0).split(",");
            svg.append("<circle cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1]).append("\" r=\"4\" fill=\"")
                    .append(colour).append("\"/>");
            return;
        }
        svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"3\"").append(dash(s))
                .append(" points=\"").append(String.join(" ", points)).append("\"/>");
    }

    private static String dash(int s) {
        String d = DASHES[s % DASHES.length];
        return d.isEmpty() ? "" : " stroke-dasharray=\"" + d + "\"";
    }

    private static double x(int i, int n, int plotWidth) {
        return n <= 1 ? LEFT + plotWidth / 2.0 : LEFT + plotWidth * i / (double) (n - 1);
    }

    /** The y axis' top: the given maximum, else the data's largest value rounded up to a round figure (at least 4). */
    double axisTop() {
        if (maximum != null) {
            return maximum.doubleValue();
        }
        double largest = series.stream().flatMap(s -> s.values().stream()).filter(v -> v != null)
                .mapToDouble(BigDecimal::doubleValue).max().orElse(0);
        if (largest <= 4) {
            return 4;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(largest)));
        for (double step : new double[] {1, 2, 4, 5, 10}) {
            if (step * magnitude >= largest) {
                double top = step * magnitude;
                return top % 4 == 0 ? top : Math.ceil(top / 4) * 4;
            }
        }
        return 10 * magnitude;
    }

    private String description() {
        String from = labels.isEmpty() ? "" : labels.get(0);
        String to = labels.isEmpty() ? "" : labels.get(labels.size() - 1);
        return labels.isEmpty() ? "No data in this period." : "From " + from + " to " + to
                + ". The figures are in the table that follows the chart.";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
