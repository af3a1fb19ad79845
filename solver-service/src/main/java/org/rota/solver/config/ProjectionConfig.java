package org.rota.solver.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the read model's projection waits for the database, and how long a rebuild waits for the broker. */
@ConfigMapping(prefix = "solver.projection")
public interface ProjectionConfig {

    /** First pause before a batch that failed for want of the database is tried again; doubled each time. */
    @WithDefault("200ms")
    Duration retryBackoff();

    /** The longest pause between two attempts at a batch. */
    @WithDefault("10s")
    Duration retryMaxBackoff();

    /** A rebuild gives up (leaving the live model as it was) when the topics yield nothing for this long. */
    @WithDefault("30s")
    Duration rebuildPatience();
}
