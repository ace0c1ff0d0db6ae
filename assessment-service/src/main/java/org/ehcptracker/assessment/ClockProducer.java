package org.ehcptracker.assessment;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's one source of "today" and "now". Resources read it and pass the dates to the
 * domain, which never reads the system clock itself.
 *
 * <p>"Today" is the council's calendar day, so the zone is {@code ehcp.zone} (default
 * Europe/London), not the server's: on a UTC server a request typed in at 00:30 BST would
 * otherwise be dated "tomorrow" and refused as received in the future. {@code @Singleton}
 * because a client proxy of {@link Clock} cannot be generated.
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "ehcp.zone", defaultValue = "Europe/London") ZoneId zone) {
        return Clock.system(zone);
    }
}
