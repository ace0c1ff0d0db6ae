package org.ehcptracker.kit.domain;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a decider gets the id of each event it decides: time-ordered in the services (decision 26), predictable in
 * tests, so a test can name the exact events it expects.
 */
@FunctionalInterface
public interface EventIds {

    UUID next();

    /** Random (version 4) ids. */
    static EventIds random() {
        return UUID::randomUUID;
    }

    /**
     * Time-ordered ids (UUID version 7, RFC 9562): the clock's Unix time in milliseconds in the first 48 bits, 74
     * random bits after it. Ids made one after another sort one after another, so the b-tree indexes of every table
     * keyed by event id (the read models' guards, case_timeline) grow at their right-hand edge instead of touching a
     * random page per insert (decision 26). What the services use. Drawback: an id tells when it was made, to the
     * millisecond (the event's occurredAt says as much).
     */
    static EventIds timeOrdered(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return () -> version7(clock.millis(), Version7.RANDOM.nextLong(), Version7.RANDOM.nextLong());
    }

    /**
     * The version 7 UUID of {@code epochMillis} whose random bits are taken from {@code randomA} (12 bits) and
     * {@code randomB} (62 bits): for a generator that must be deterministic (seeded random numbers, a history's time).
     */
    static UUID version7(long epochMillis, long randomA, long randomB) {
        if (epochMillis < 0 || epochMillis >= 1L << 48) {
            throw new IllegalArgumentException("a version 7 UUID holds 48 bits of milliseconds, not " + epochMillis);
        }
        long high = (epochMillis << 16) | 0x7000L | (randomA & 0x0FFFL);
        long low = (randomB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** 00000000-0000-0000-0000-000000000001, ...0002, ...: for tests. */
    static EventIds sequence() {
        AtomicLong n = new AtomicLong();
        return () -> new UUID(0L, n.incrementAndGet());
    }

    /** The given ids in order, then failure: for a test that pins every id. */
    static EventIds of(UUID... ids) {
        Objects.requireNonNull(ids, "ids");
        AtomicLong n = new AtomicLong();
        return () -> {
            int i = (int) n.getAndIncrement();
            if (i >= ids.length) {
                throw new IllegalStateException("only " + ids.length + " event ids were given");
            }
            return ids[i];
        };
    }
}

/** The random source of {@link EventIds#timeOrdered}: the same kind as {@link UUID#randomUUID}'s. */
final class Version7 {
    static final SecureRandom RANDOM = new SecureRandom();

    private Version7() {
    }
}
