package org.ehcptracker.reporting.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When the read side counts as caught up ({@code ehcp.consumer.*}; docs/operations.md). */
@ConfigMapping(prefix = "ehcp.consumer")
public interface ConsumerReadinessConfig {

    /**
     * Readiness is DOWN while any assigned partition of any consumer is more than this many records behind its
     * end (env {@code EHCP_CONSUMER_READINESS_MAX_LAG}). Large enough not to flap under a burst of commands
     * (a few hundred per second here), small enough that a restarted instance replaying its backlog is not served.
     */
    @WithDefault("1000")
    long readinessMaxLag();

    /** How long the check waits for a consumer's polling thread to answer before it reports DOWN. */
    @WithDefault("PT3S")
    Duration readinessTimeout();
}
