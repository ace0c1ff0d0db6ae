package org.ehcptracker.eventstore;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of an {@link EventRelay}.
 *
 * @param name              checkpoint row and advisory-lock key; one active relay per (database, name)
 * @param topic             the Kafka topic every event is published to
 * @param pollInterval      fallback poll when no NOTIFY arrives (config {@code ehcp.relay.poll-interval}, default 2s)
 * @param batchSize         events read and sent per round (config {@code ehcp.relay.batch-size}, default 500)
 * @param lockRetryInterval how often a standby tries to take the lock (config {@code ehcp.relay.lock-retry-interval}, default 5s)
 * @param maxBackoff        longest pause after repeated failures (config {@code ehcp.relay.max-backoff}, default 30s)
 */
public record RelaySettings(String name, String topic, Duration pollInterval, int batchSize,
                            Duration lockRetryInterval, Duration maxBackoff) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);
    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final Duration DEFAULT_LOCK_RETRY_INTERVAL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

    public RelaySettings {
        Objects.requireNonNull(topic, "topic");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
        if (name == null || name.isBlank()) {
            name = topic;
        }
        pollInterval = positive(pollInterval, DEFAULT_POLL_INTERVAL, "pollInterval");
        lockRetryInterval = positive(lockRetryInterval, DEFAULT_LOCK_RETRY_INTERVAL, "lockRetryInterval");
        maxBackoff = positive(maxBackoff, DEFAULT_MAX_BACKOFF, "maxBackoff");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
        }
    }

    /** Defaults for everything but the topic; the name is the topic. */
    public static RelaySettings forTopic(String topic) {
        return new RelaySettings(topic, topic, DEFAULT_POLL_INTERVAL, DEFAULT_BATCH_SIZE,
                DEFAULT_LOCK_RETRY_INTERVAL, DEFAULT_MAX_BACKOFF);
    }

    public RelaySettings withName(String name) {
        return new RelaySettings(name, topic, pollInterval, batchSize, lockRetryInterval, maxBackoff);
    }

    public RelaySettings withPollInterval(Duration pollInterval) {
        return new RelaySettings(name, topic, pollInterval, batchSize, lockRetryInterval, maxBackoff);
    }

    public RelaySettings withBatchSize(int batchSize) {
        return new RelaySettings(name, topic, pollInterval, batchSize, lockRetryInterval, maxBackoff);
    }

    public RelaySettings withLockRetryInterval(Duration lockRetryInterval) {
        return new RelaySettings(name, topic, pollInterval, batchSize, lockRetryInterval, maxBackoff);
    }

    public RelaySettings withMaxBackoff(Duration maxBackoff) {
        return new RelaySettings(name, topic, pollInterval, batchSize, lockRetryInterval, maxBackoff);
    }

    private static Duration positive(Duration d, Duration dflt, String what) {
        if (d == null) {
            return dflt;
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + d);
        }
        return d;
    }

    /**
     * Parses {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h}, a bare number of seconds, or ISO-8601 ({@code PT2S}).
     */
    public static Duration parseDuration(String text) {
        String s = Objects.requireNonNull(text, "text").trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("pt") || s.startsWith("p")) {
            return Duration.parse(s.toUpperCase(Locale.ROOT));
        }
        try {
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
            }
            if (s.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1).trim()));
            }
            if (s.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1).trim()));
            }
            if (s.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(s.substring(0, s.length() - 1).trim()));
            }
            return Duration.ofSeconds(Long.parseLong(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 500ms, 2s, 1m or PT2S)", e);
        }
    }
}
