package org.ehcptracker.reporting.rebuild.messaging;

/**
 * One partition of a consumed topic: its end offset and what a consumer group has committed on it (0 when the
 * group has committed nothing there yet).
 */
public record PartitionPosition(String channel, String topic, int partition, long end, long committed) {

    public long lag() {
        return Math.max(0, end - committed);
    }
}
