package org.ehcptracker.kit.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * The only way time and ids enter a decision. The application service builds one per command from
 * the council's clock; a test builds one with fixed dates and {@link EventIds#sequence()}.
 *
 * @param today the council's calendar day (a date typed in may not be after it)
 * @param now   when the command is recorded: each event's {@code occurredAt}
 * @param ids   the source of each new event's id
 */
public record DecisionContext(LocalDate today, Instant now, EventIds ids) {

    public DecisionContext {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(ids, "ids");
    }

    /** The id for the next event decided. */
    public UUID nextEventId() {
        return ids.next();
    }
}
