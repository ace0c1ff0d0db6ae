package org.ehcptracker.kit.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every service's one source of "now" and "today". Resources pass it (or dates read from it) to
 * the domain, which never reads the system clock itself.
 *
 * <p>"Today" is the council's calendar day, so the clock carries the zone {@code ehcp.zone}
 * (default Europe/London), not the server's: on a UTC server a request typed in at 00:30 BST would
 * otherwise be dated "yesterday", and one dated today refused as in the future.
 * {@code @Singleton} because a client proxy of {@link Clock} cannot be generated.
 */
public class CouncilClock {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "ehcp.zone", defaultValue = "Europe/London") ZoneId zone) {
        return Clock.system(zone);
    }
}
