package org.ehcptracker.plan;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.UUID;
import org.ehcptracker.plan.domain.EventStamp;

/**
 * Where new event ids and timestamps come from, so domain tests can fix both. The clock itself is
 * service-kit's {@code CouncilClock}. {@code @Singleton} because a record cannot be given a client proxy.
 */
public class EventStampProducer {

    @Produces
    @Singleton
    EventStamp eventStamp(Clock clock) {
        return new EventStamp(UUID::randomUUID, clock);
    }
}
