package org.ehcptracker.reporting.forecast;

import java.util.Arrays;
import java.util.Collection;
import java.util.SplittableRandom;

/**
 * How long a stage took, in days, as observed: the empirical distribution (every observed duration equally
 * likely), resampled as it is. No shape is assumed, so a long tail in the history stays in the forecast; the
 * price is that a duration never seen cannot be drawn.
 */
public final class DurationDistribution {

    private final int[] days;

    private DurationDistribution(int[] sortedDays) {
        this.days = sortedDays;
    }

    /** The observed durations (negative ones, data errors, left out). */
    public static DurationDistribution of(Collection<Integer> observed) {
        return new DurationDistribution(observed.stream().filter(d -> d != null && d >= 0)
                .mapToInt(Integer::intValue).sorted().toArray());
    }

    /** Always {@code days}: for a stage with no history, or a model built by hand. */
    public static DurationDistribution constant(int days) {
        return new DurationDistribution(new int[] {days});
    }

    public int size() {
        return days.length;
    }

    public boolean isEmpty() {
        return days.length == 0;
    }

    /** One duration, each observation equally likely; 0 when nothing was observed. */
    public int sample(SplittableRandom random) {
        return days.length == 0 ? 0 : days[random.nextInt(days.length)];
    }

    /**
     * One duration longer than {@code elapsed}, drawn from the observations longer than it (the stage has already
     * lasted {@code elapsed} days); when none was that long, {@code elapsed + 1 + } a draw of the last tenth, so an
     * overdue stage still ends, not at once.
     */
    public int sampleLongerThan(int elapsed, SplittableRandom random) {
        int from = upperIndex(elapsed);
        if (from < days.length) {
            return days[from + random.nextInt(days.length - from)];
        }
        int tail = days.length == 0 ? 0 : days[days.length - 1] - days[(int) (days.length * 0.9)];
        return elapsed + 1 + (tail <= 0 ? 0 : random.nextInt(tail + 1));
    }

    /** The first index holding a value greater than {@code value}. */
    private int upperIndex(int value) {
        int i = Arrays.binarySearch(days, value + 1);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && days[i - 1] > value) {
            i--;
        }
        return i;
    }

    /** The share of observations longer than {@code elapsed} (1 when nothing was observed). */
    public double shareLongerThan(int elapsed) {
        return days.length == 0 ? 1 : (days.length - upperIndex(elapsed)) / (double) days.length;
    }

    /** The q-quantile (nearest rank), 0 when empty. */
    public int quantile(double q) {
        if (days.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * days.length) - 1;
        return days[Math.max(0, Math.min(days.length - 1, i))];
    }

    /**
     * A bootstrap resample: as many durations as observed, drawn with replacement (one plausible history of the
     * stage); a single observation (a constant) stays as it is.
     */
    public DurationDistribution resampled(SplittableRandom random) {
        if (days.length <= 1) {
            return this;
        }
        int[] drawn = new int[days.length];
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = days[random.nextInt(days.length)];
        }
        Arrays.sort(drawn);
        return new DurationDistribution(drawn);
    }

    public double mean() {
        return Arrays.stream(days).average().orElse(0);
    }
}
