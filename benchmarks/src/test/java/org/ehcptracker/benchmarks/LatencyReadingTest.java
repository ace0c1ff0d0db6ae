package org.ehcptracker.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyReadingTest {

    @Test
    void percentilesOfOneToHundredMilliseconds() {
        // 100 requests taking 1, 2, ... 100 ms: p50 is the 50th (50 ms), p99 the 99th (99 ms), max 100 ms
        Histogram h = LatencyReading.newHistogram();
        for (int ms = 1; ms <= 100; ms++) {
            h.recordValue(ms * 1_000_000L);
        }
        LatencyReading r = LatencyReading.of("q", h);
        assertThat(r.count()).isEqualTo(100);
        // 3 significant digits: values are within 0.1% of the exact ones
        assertThat(r.p50Millis()).isCloseTo(50.0, within(0.05));
        assertThat(r.p99Millis()).isCloseTo(99.0, within(0.1));
        assertThat(r.maxMillis()).isCloseTo(100.0, within(0.1));
    }

    @Test
    void ratioIsP99OverTheBaselinesP99() {
        LatencyReading query = new LatencyReading("la=990", 1000, 5.0, 12.0, 30.0);
        LatencyReading baseline = new LatencyReading("health", 1000, 1.0, 4.0, 9.0);
        assertThat(query.p99Ratio(baseline)).isEqualTo(3.0);
        assertThat(query.row(baseline)).isEqualTo("| `la=990` | 5.0 ms | 12.0 ms | 30.0 ms | 3.00 |");
    }

    @Test
    void emptyBaselineIsRefused() {
        LatencyReading query = new LatencyReading("la=990", 1000, 5.0, 12.0, 30.0);
        LatencyReading empty = LatencyReading.of("health", LatencyReading.newHistogram());
        assertThatThrownBy(() -> query.p99Ratio(empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("health");
    }
}
