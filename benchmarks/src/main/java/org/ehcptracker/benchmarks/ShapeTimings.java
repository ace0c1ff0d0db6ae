package org.ehcptracker.benchmarks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Times request shapes against two baselines of the same run and prints the Markdown table the benchmarks report:
 * one client thread, every shape once per round (interleaved, so a burst of load from other processes falls on every
 * shape alike and the ratios stay comparable), after a warm-up.
 */
final class ShapeTimings {

    /** One request; fails on an unexpected answer. */
    @FunctionalInterface
    interface Request {
        void send(String path) throws Exception;
    }

    private ShapeTimings() {
    }

    /** The reading of each shape of {@code all} (label to path), in its order. */
    static Map<String, LatencyReading> time(Map<String, String> all, int warmup, int rounds, Request request)
            throws Exception {
        Map<String, Histogram> histograms = new LinkedHashMap<>();
        all.keySet().forEach(k -> histograms.put(k, LatencyReading.newHistogram()));
        long t0 = System.nanoTime();
        for (int round = 0; round < warmup; round++) {
            for (String path : all.values()) {
                request.send(path);
            }
        }
        System.out.printf(Locale.ROOT, "# warm-up: %d rounds in %.1f s; load average %s%n", warmup,
                (System.nanoTime() - t0) / 1e9, Machine.loadAverage());
        for (int round = 0; round < rounds; round++) {
            for (var shape : all.entrySet()) {
                long start = System.nanoTime();
                request.send(shape.getValue());
                histograms.get(shape.getKey()).recordValue(System.nanoTime() - start);
            }
        }
        Map<String, LatencyReading> readings = new LinkedHashMap<>();
        histograms.forEach((k, h) -> readings.put(k, LatencyReading.of(k, h)));
        return readings;
    }

    /**
     * Prints the table (p99 ratios to both baselines) and whether every one of {@code shapes} has a p99 under 50 ms.
     *
     * @param byIdColumn the heading of the first ratio column, e.g. "case by id"
     */
    static void print(Map<String, LatencyReading> readings, String byId, String byIdColumn, String live,
                      Collection<String> shapes, int warmup, int rounds, String target) {
        LatencyReading byIdReading = readings.get(byId);
        LatencyReading liveReading = readings.get(live);
        System.out.println();
        System.out.printf("%d requests per shape after %d warm-up rounds; ratios are p99(shape) / p99(baseline)%n%n",
                rounds, warmup);
        System.out.println("| shape | p50 | p99 | max | p99 / p99(" + byIdColumn + ") | p99 / p99(health) |");
        System.out.println("|---|---|---|---|---|---|");
        for (LatencyReading r : readings.values()) {
            System.out.println(r.row(byIdReading) + String.format(Locale.ROOT, " %.2f |", r.p99Ratio(liveReading)));
        }
        System.out.println();
        boolean met = shapes.stream().allMatch(k -> readings.get(k).p99Millis() < 50.0);
        System.out.println("target p99 < 50 ms for every " + target + ": " + (met ? "MET" : "MISSED"));
    }
}
