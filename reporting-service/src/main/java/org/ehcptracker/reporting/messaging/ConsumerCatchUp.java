package org.ehcptracker.reporting.messaging;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Whether one Kafka consumer has caught up: it holds partitions and none is more than the bound behind.
 * A consumer with no partitions (just started, or mid-rebalance after a restart) is NOT caught up: until the
 * group gives it partitions it serves whatever its tables held when it stopped. A partition whose lag the client
 * does not know yet (no fetch answered since the assignment) is not caught up either.
 *
 * @param channel   the SmallRye channel
 * @param lags      assigned partition ("topic-partition") to its lag in records, empty when not known yet
 */
public record ConsumerCatchUp(String channel, Map<String, OptionalLong> lags) {

    public ConsumerCatchUp {
        lags = new TreeMap<>(lags);
    }

    public boolean caughtUp(long maxLag) {
        return !lags.isEmpty() && lags.values().stream().allMatch(lag -> lag.isPresent() && lag.getAsLong() <= maxLag);
    }

    /** Worst lag over the assigned partitions; -1 when none is assigned or one is not known. */
    public long worstLag() {
        if (lags.isEmpty() || lags.values().stream().anyMatch(OptionalLong::isEmpty)) {
            return -1;
        }
        return lags.values().stream().mapToLong(OptionalLong::getAsLong).max().orElse(-1);
    }

    /** What readiness shows for this consumer: "3 partitions, lag 0", "no partitions", "lag unknown". */
    public String describe() {
        if (lags.isEmpty()) {
            return "no partitions assigned";
        }
        long worst = worstLag();
        return lags.size() + (lags.size() == 1 ? " partition" : " partitions") + ", "
                + (worst < 0 ? "lag not known yet" : "lag " + worst);
    }
}
