package org.ehcptracker.testtokens;

/**
 * Reads samples from a service's {@code /q/metrics} (Prometheus text format) in tests. A sample line is
 * {@code name{labels} value [timestamp]}, and with tracing on a counter's line also carries an exemplar
 * ({@code # {trace_id="…"} 1.0 1732870000.0}), so the value is the first number after the name and labels, never
 * the line's last token.
 */
public final class PrometheusText {

    private PrometheusText() {
    }

    /** The sum of the values of every sample of {@code name} whose labels contain {@code labelFilter} (may be empty). */
    public static double sum(String metrics, String name, String labelFilter) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> line.contains(labelFilter))
                .mapToDouble(PrometheusText::value)
                .sum();
    }

    /** The value of one sample line. */
    public static double value(String line) {
        int labelsEnd = line.startsWith("#") ? -1 : line.indexOf('}');
        String rest = (labelsEnd >= 0 ? line.substring(labelsEnd + 1) : line.substring(line.indexOf(' '))).trim();
        return Double.parseDouble(rest.split("\\s+")[0]);
    }
}
