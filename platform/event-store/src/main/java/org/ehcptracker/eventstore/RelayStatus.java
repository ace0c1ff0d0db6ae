package org.ehcptracker.eventstore;

import java.time.Instant;

/**
 * A snapshot of an {@link EventRelay}'s state, cheap to read (no database call).
 *
 * @param relay                 the relay's name
 * @param topic                 its Kafka topic
 * @param running               started and not stopped
 * @param active                holds the advisory lock (publishing); false for a standby
 * @param lastPublishedPosition position of the last event acknowledged by Kafka and checkpointed (-1 if none yet)
 * @param publishedTotal        events this instance published since it started (re-sends included)
 * @param lag                   committed events after the checkpoint, counted after the last drain
 *                              (capped at {@link EventRelay#LAG_COUNT_CAP}); -1 when unknown (standby)
 * @param heldBack              the last round saw committed events it may not publish yet because an
 *                              older transaction is still running
 * @param oldestUnpublishedAt   when the oldest committed event not yet published was recorded (its occurred_at), as
 *                              of the last round; null when none waits or unknown (standby)
 * @param lastProgressAt        when the checkpoint last moved (null if never)
 * @param lastError             the last failure's message, null after the next successful round
 * @param lastErrorAt           when it happened
 */
public record RelayStatus(String relay, String topic, boolean running, boolean active, long lastPublishedPosition,
                          long publishedTotal, long lag, boolean heldBack, Instant oldestUnpublishedAt, Instant lastProgressAt,
                          String lastError, Instant lastErrorAt) {

    /** How long the oldest waiting event has waited at {@code now}; zero when none waits. */
    public java.time.Duration oldestUnpublishedAge(Instant now) {
        return oldestUnpublishedAt == null || oldestUnpublishedAt.isAfter(now)
                ? java.time.Duration.ZERO : java.time.Duration.between(oldestUnpublishedAt, now);
    }
}
