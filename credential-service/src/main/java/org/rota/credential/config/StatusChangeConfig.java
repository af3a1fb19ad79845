package org.rota.credential.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How far from now a suspension, revocation or reinstatement may take effect. */
@ConfigMapping(prefix = "rota.credentials.status-change")
public interface StatusChangeConfig {

    /** The furthest back an effective time may lie (a change recorded late, e.g. after an incident review). */
    @WithDefault("30d")
    Duration maxBackdate();

    /** The furthest ahead an effective time may lie (a change announced in advance). */
    @WithDefault("366d")
    Duration maxAhead();
}
