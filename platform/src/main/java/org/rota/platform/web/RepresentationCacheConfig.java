package org.rota.platform.web;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rota.read-cache")
public interface RepresentationCacheConfig {

    /** How long another replica's change may take to show here; this replica's own changes show at once. */
    @WithDefault("2s")
    Duration ttl();

    @WithDefault("10000")
    long maxEntries();
}
