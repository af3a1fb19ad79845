package org.rota.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rota.outbox")
public interface OutboxConfig {

    /** How often the relay looks for events when no commit woke it. */
    @WithDefault("1s")
    Duration pollInterval();

    @WithDefault("500")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge a batch before sending it again later. */
    @WithDefault("15s")
    Duration sendTimeout();

    @WithDefault("2s")
    Duration retryBackoff();
}
