package org.ehcptracker.plan.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Where new events get their ids and their recording time; passed in so the aggregate stays free of
 * the system clock and tests can fix both.
 */
public record EventStamp(Supplier<UUID> ids, Clock clock) {

    public EventStamp {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(clock, "clock");
    }

    public UUID newId() {
        return ids.get();
    }

    public Instant now() {
        return clock.instant();
    }

    /** The calendar day in the clock's zone (the council's day, not the server's). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
