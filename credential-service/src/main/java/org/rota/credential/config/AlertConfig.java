package org.rota.credential.config;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Credential expiry warnings ({@code rota.credentials.alerts.v1}). */
@ConfigMapping(prefix = "rota.credentials.alerts")
public interface AlertConfig {

    /** Days before validUntil at which a credential is warned about, each once (in any order, each at least 1). */
    @WithDefault("180,90,30,14,7")
    List<Integer> thresholds();

    /**
     * When each replica tries the daily check (a Quarkus cron; {@code off} disables it). Read by the
     * {@code @Scheduled} annotation of the check itself, declared here so that the key is part of the mapping.
     */
    @WithDefault("0 0 * * * ?")
    String cron();
}
