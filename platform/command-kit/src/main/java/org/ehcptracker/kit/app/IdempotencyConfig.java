package org.ehcptracker.kit.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a create's Idempotency-Key is kept ({@link IdempotentCreates}); env {@code EHCP_IDEMPOTENCY_RETENTION}. */
@ConfigMapping(prefix = "ehcp.idempotency")
public interface IdempotencyConfig {

    /** A retry within this time after the first answer replays it; after it the key may make a new record. */
    @WithDefault("24H")
    Duration retention();

    /** How often keys past their retention are deleted. */
    @WithDefault("1H")
    Duration purgeInterval();
}
