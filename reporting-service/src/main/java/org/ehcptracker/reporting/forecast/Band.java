package org.ehcptracker.reporting.forecast;

import java.util.Arrays;

/** The 10th, 50th and 90th percentiles of a measure over the simulated futures (nearest rank). */
public record Band(double p10, double p50, double p90) {

    /** The band of the values; null when fewer than half the runs gave one (a percentage without plans). */
    static Band of(double[] values, int count, int runs) {
        if (count == 0 || count * 2 < runs) {
            return null;
        }
        double[] v = Arrays.copyOf(values, count);
        Arrays.sort(v);
        return new Band(rank(v, 0.1), rank(v, 0.5), rank(v, 0.9));
    }

    private static double rank(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    public boolean contains(double value) {
        return value >= p10 && value <= p90;
    }
}
