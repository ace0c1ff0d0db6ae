package org.ehcptracker.eventstore;

/**
 * How long the relay waits before it looks again at events held back by an older open transaction (docs/event-store.md,
 * 4.1). Such a transaction may be in another database of the cluster, whose commit sends no NOTIFY here, so the relay
 * must poll. It rechecks soon (50 ms) and backs off (doubling up to the poll interval) only while a hold makes no
 * progress: a long-open transaction then costs a query every poll interval, not every 50 ms.
 *
 * <p>A round that published something starts the backoff again. Under steady load nearly every round ends held back
 * by some short transaction, yet each one moves on; before this rule the wait grew to the poll interval after a few
 * such rounds, and the last events of a burst (no later commit to wake the relay) waited up to 2 s
 * (docs/benchmarks.md, freshness run 6).
 *
 * <p>Relay thread only; not thread-safe.
 */
final class HeldBackRecheck {

    static final long FIRST_WAIT_MS = 50;

    private final long pollIntervalMs;
    private long nextWaitMs = FIRST_WAIT_MS;

    HeldBackRecheck(long pollIntervalMs) {
        this.pollIntervalMs = pollIntervalMs;
    }

    /**
     * @param heldBack  committed events wait behind an older open transaction after this round
     * @param published the round published at least one event
     * @return how long to wait for a NOTIFY before the next round
     */
    long afterRound(boolean heldBack, boolean published) {
        if (!heldBack || published) {
            nextWaitMs = FIRST_WAIT_MS;
        }
        if (!heldBack) {
            return pollIntervalMs;
        }
        long wait = Math.min(nextWaitMs, pollIntervalMs);
        nextWaitMs = Math.min(nextWaitMs * 2, pollIntervalMs);
        return wait;
    }
}
