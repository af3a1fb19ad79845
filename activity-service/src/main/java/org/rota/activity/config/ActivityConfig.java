package org.rota.activity.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "activity")
public interface ActivityConfig {

    References references();

    interface References {

        /** How long a procedure code or an active clinician confirmed by credential-service is trusted. */
        @WithDefault("5m")
        Duration cacheTtl();

        /** What a 503 tells the client to wait before trying again. */
        @WithDefault("5s")
        Duration retryAfter();
    }
}
