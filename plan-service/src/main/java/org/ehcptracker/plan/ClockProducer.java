package org.ehcptracker.plan;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ehcptracker.plan.domain.EventStamp;

/**
 * The service's one source of "today" and "now", and of new event ids. "Today" is the council's
 * calendar day ({@code ehcp.zone}, default Europe/London), not the server's. {@code @Singleton}
 * because neither a {@link Clock} nor a record can be given a client proxy.
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "ehcp.zone", defaultValue = "Europe/London") ZoneId zone) {
        return Clock.system(zone);
    }

    @Produces
    @Singleton
    EventStamp eventStamp(Clock clock) {
        return new EventStamp(UUID::randomUUID, clock);
    }
}
