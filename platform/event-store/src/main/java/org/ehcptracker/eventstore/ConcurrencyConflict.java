package org.ehcptracker.eventstore;

import java.util.Optional;
import java.util.UUID;

/**
 * The stream was not at the version the caller expected: another command appended first. Services
 * map it to HTTP 409; the client reloads and retries. The transaction that saw it must be rolled
 * back (it is, when the append ran inside {@code pool.withTransaction}).
 */
public class ConcurrencyConflict extends RuntimeException {

    private final UUID streamId;
    private final int expectedVersion;
    private final Integer actualVersion;

    public ConcurrencyConflict(UUID streamId, int expectedVersion, Integer actualVersion, Throwable cause) {
        super(message(streamId, expectedVersion, actualVersion), cause);
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    private static String message(UUID streamId, int expectedVersion, Integer actualVersion) {
        return "stream " + streamId + " was expected at version " + expectedVersion
                + (actualVersion == null
                ? " but a concurrent transaction appended that version"
                : " but is at version " + actualVersion);
    }

    public UUID streamId() {
        return streamId;
    }

    public int expectedVersion() {
        return expectedVersion;
    }

    /** The stream's version when the conflict was seen; empty when a concurrent append won the race. */
    public Optional<Integer> actualVersion() {
        return Optional.ofNullable(actualVersion);
    }
}
