package org.ehcptracker.reporting.rebuild.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The switch to a rebuilt set of read models ({@code ehcp.read-models.*}; docs/reporting.md, "Rebuilding"). */
@ConfigMapping(prefix = "ehcp.read-models")
public interface ReadModelRebuildConfig {

    /**
     * The schema this process keeps its read models in: {@code public} for the live service, {@code rebuild_<n>}
     * for a rebuild process ({@code ./ehcp rebuild reporting} sets env {@code EHCP_READ_MODEL_SCHEMA}). Flyway
     * migrates it and the reactive connections' search_path is it alone, so the unqualified table names of the
     * projection and queries resolve there.
     */
    @WithDefault("public")
    String schema();

    /**
     * A switch is refused at once while the rebuild's consumer groups are more than this many records behind the
     * topics' ends (env {@code EHCP_READ_MODELS_SWITCH_MAX_LAG}): the live consumers would stall for the whole rest.
     */
    @WithDefault("1000")
    long switchMaxLag();

    /**
     * How long the switch holds the live projections (their writes wait on a SHARE lock; reads go on) for the
     * rebuild's committed offsets to reach the topics' ends before it gives up and changes nothing
     * (env {@code EHCP_READ_MODELS_SWITCH_CATCH_UP_TIMEOUT}).
     */
    @WithDefault("PT30S")
    Duration switchCatchUpTimeout();

    /** How long the switch waits for a table lock (readers and writers in flight) before it gives up. */
    @WithDefault("PT10S")
    Duration switchLockTimeout();
}
