package org.ehcptracker.kit.domain;

import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a decider gets the id of each event it decides: random in the services, predictable in
 * tests, so a test can name the exact events it expects.
 */
@FunctionalInterface
public interface EventIds {

    UUID next();

    /** Random (version 4) ids: what the services use. */
    static EventIds random() {
        return UUID::randomUUID;
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
