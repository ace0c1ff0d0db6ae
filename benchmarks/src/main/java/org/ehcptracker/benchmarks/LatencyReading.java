package org.ehcptracker.benchmarks;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The latencies of one request shape: p50, p99 and max in milliseconds, read from an HdrHistogram of
 * nanoseconds. Ratios against a baseline of the same run are what compare across machines: absolute
 * milliseconds on a loaded 2-core machine say little.
 */
public record LatencyReading(String shape, long count, double p50Millis, double p99Millis, double maxMillis) {

    /** Up to 60 s per request, 3 significant digits. */
    public static Histogram newHistogram() {
        return new Histogram(60_000_000_000L, 3);
    }

    public static LatencyReading of(String shape, Histogram nanos) {
        return new LatencyReading(shape, nanos.getTotalCount(), millis(nanos.getValueAtPercentile(50)),
                millis(nanos.getValueAtPercentile(99)), millis(nanos.getMaxValue()));
    }

    /** p99 of this shape over p99 of the baseline: 3.0 means three times as slow at the 99th percentile. */
    public double p99Ratio(LatencyReading baseline) {
        if (baseline.p99Millis <= 0) {
            throw new IllegalArgumentException("baseline " + baseline.shape + " has no p99");
        }
        return p99Millis / baseline.p99Millis;
    }

    /** One Markdown table row: shape, p50, p99, max, p99 ratio to the baseline. */
    public String row(LatencyReading baseline) {
        return String.format(Locale.ROOT, "| `%s` | %.1f ms | %.1f ms | %.1f ms | %.2f |", shape, p50Millis, p99Millis,
                maxMillis, p99Ratio(baseline));
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
