package org.ehcptracker.advice.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code ehcp.advice.follow-up.*}: how often the sweep looks for cases still owed a follow-up. */
@ConfigMapping(prefix = "ehcp.advice.follow-up")
public interface FollowUpConfig {

    /** Between two sweeps (the first runs at start-up). Env: EHCP_ADVICE_FOLLOW_UP_SWEEP_INTERVAL. */
    @WithDefault("PT5M")
    Duration sweepInterval();
}
