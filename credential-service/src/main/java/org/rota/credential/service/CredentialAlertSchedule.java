package org.rota.credential.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.rota.credential.service.CredentialAlerts.Trigger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

/**
 * Tries the check of every credential on {@code rota.credentials.alerts.cron} on every replica; the first try of a
 * hospital day runs it, on one replica (the database lock), and the later tries find the day done. A try that fails
 * (the database away, a deadlock) leaves the day undone, so the next try runs it.
 */
@ApplicationScoped
class CredentialAlertSchedule {

    private static final Logger LOG = Logger.getLogger(CredentialAlertSchedule.class);

    private final CredentialAlerts alerts;

    CredentialAlertSchedule(CredentialAlerts alerts) {
        this.alerts = alerts;
    }

    @Scheduled(identity = "credential-alerts", cron = "${rota.credentials.alerts.cron}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void checkEveryCredential() {
        try {
            alerts.checkAll(Trigger.SCHEDULE);
        } catch (RuntimeException e) {
            LOG.errorf("The daily credential alert check failed (%s); the next scheduled try runs it again",
                    e.toString());
        }
    }
}
