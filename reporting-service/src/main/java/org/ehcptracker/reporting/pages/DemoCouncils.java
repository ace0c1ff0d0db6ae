package org.ehcptracker.reporting.pages;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;
import java.util.Set;

/**
 * Councils whose data was made up for a demonstration (`./ehcp up` seeds them: deploy/local/README.md); their pages
 * say so, so nobody takes a demo figure for a real one. None unless configured (EHCP_DEMO_MARKED_COUNCILS).
 */
@ConfigMapping(prefix = "ehcp.demo")
public interface DemoCouncils {

    /** LA codes of the demo councils. */
    Optional<Set<String>> councils();

    default boolean marks(String la) {
        return councils().map(c -> c.contains(la)).orElse(false);
    }
}
