package org.rota.credential.config;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The hospital the service runs for. */
@ConfigMapping(prefix = "rota.hospital")
public interface HospitalConfig {

    /** The zone the hospital's dates are in: which day is "today" for expiry (solver-service: solver.zone). */
    @WithDefault("Europe/London")
    ZoneId zone();
}
