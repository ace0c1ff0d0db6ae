package org.ehcptracker.reporting.rebuild.app;

import java.util.Map;

/**
 * How far a rebuild has come: the records its consumer groups have committed, the records on the topics, and the
 * difference (lag) by topic. {@code caughtUp} when the lag is within the switch's bound.
 */
public record RebuildProgress(String schema, long committed, long onTopics, long lag, boolean caughtUp,
                              Map<String, Long> lagByTopic) {
}
