package org.rota.web.config;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "web")
public interface WebConfig {

    /** The departments' zone: days and day parts are judged in it (solver-service's {@code solver.zone}). */
    @WithDefault("Europe/London")
    ZoneId zone();

    /** The most weeks one grid shows. */
    @WithDefault("4")
    int maxWeeks();

    /** How many allocation versions of each window the activity panel's history keeps (from rota.allocations.v1). */
    @WithDefault("20")
    int historyDepth();

    /** How long the list of departments (from the clinicians) is reused before it is read again. */
    @WithDefault("5m")
    Duration departmentsTtl();
}
