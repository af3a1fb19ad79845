package org.rota.credential.config;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Credential expiry warnings ({@code rota.credentials.alerts.v1}). When the daily check is tried is the scheduler's
 * {@code rota.credentials.alerts.cron}, read by the {@code @Scheduled} annotation itself.
 */
@ConfigMapping(prefix = "rota.credentials.alerts")
public interface AlertConfig {

    /** Days before validUntil at which a credential is warned about, each once (in any order, each at least 1). */
    @WithDefault("180,90,30,14,7")
    List<Integer> thresholds();
}
