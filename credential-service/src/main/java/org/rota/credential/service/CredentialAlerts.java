package org.rota.credential.service;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;
import org.rota.credential.config.AlertConfig;
import org.rota.credential.outbox.CredentialEvents;
import org.rota.credential.repository.CredentialAlertRepository;
import org.rota.credential.repository.CredentialAlertRepository.AlertRow;
import org.rota.credential.repository.CredentialAlertRepository.Candidate;
import org.rota.credential.service.ExpiryAlertRule.Alert;
import org.rota.credential.service.ExpiryAlertRule.Kind;
import org.rota.events.CredentialExpired;
import org.rota.events.CredentialExpiring;
import org.rota.platform.outbox.Outbox;

/**
 * Sends each credential's expiry alerts ({@link ExpiryAlertRule}) once: a credential is checked whenever it changes,
 * in the change's own transaction, and every credential in a daily check. An alert is recorded in
 * {@code credential_alert} and announced through the outbox in one transaction, and the table's primary key
 * (credential, validUntil, alert) lets only one transaction ever record it: once holds across restarts, replicas,
 * re-runs and a change racing the daily check.
 */
@ApplicationScoped
public class CredentialAlerts {

    private static final Logger LOG = Logger.getLogger(CredentialAlerts.class);
    /** How long the record of past runs is kept. */
    private static final int RUN_HISTORY_DAYS = 90;

    public enum Trigger { SCHEDULE, REQUEST }

    /** What one check of every credential did, as of the hospital's date {@code asOf}. */
    public record AlertCheckRun(LocalDate asOf, int checked, int expiring, int expired, long durationMillis) {
    }

    private final CredentialAlertRepository repository;
    private final CredentialEvents events;
    private final Outbox outbox;
    private final HospitalCalendar calendar;
    private final Clock clock;
    private final ExpiryAlertRule rule;
    private final String replica = ManagementFactory.getRuntimeMXBean().getName();

    CredentialAlerts(CredentialAlertRepository repository, CredentialEvents events, Outbox outbox,
            HospitalCalendar calendar, Clock clock, AlertConfig config) {
        this.repository = repository;
        this.events = events;
        this.outbox = outbox;
        this.calendar = calendar;
        this.clock = clock;
        this.rule = new ExpiryAlertRule(config.thresholds());
    }

    /** In the transaction of a change of this credential (flushed): sends the alert it is now due, if any. */
    @Transactional(TxType.MANDATORY)
    public void credentialChanged(UUID credentialId) {
        LocalDate today = calendar.today();
        send(repository.candidates(horizon(today), List.of(credentialId)), today);
    }

    /**
     * Checks every credential and sends the alerts due, in one transaction; empty when another check holds the lock
     * (on this replica or another), or, for the schedule, when today's check has already completed.
     */
    @Transactional
    public Optional<AlertCheckRun> checkAll(Trigger trigger) {
        Instant started = clock.instant();
        long startedNanos = System.nanoTime();
        if (!repository.tryLockRun()) {
            LOG.debugf("The credential alert check (%s) is skipped: another check is running", trigger);
            return Optional.empty();
        }
        LocalDate today = calendar.today();
        if (trigger == Trigger.SCHEDULE && repository.completedOn(today)) {
            return Optional.empty();
        }
        List<Candidate> candidates = repository.candidates(horizon(today), null);
        List<UUID> due = candidates.stream()
                .filter(candidate -> rule.due(candidate.validUntil(), today, candidate.sent()).isPresent())
                .map(Candidate::credentialId)
                .toList();
        int[] sent = {0, 0};
        if (!due.isEmpty()) {
            // read again under a share lock: a change under way (a renewal) is waited for and its result judged, so
            // that no warning goes out for a validUntil that has just been replaced
            repository.lockForShare(due);
            outbox.holdUntilWritten(); // thousands of alerts on a first run: their outbox rows in one batch
            sent = send(repository.candidates(horizon(today), due), today);
            outbox.writeHeld();
        }
        Instant finished = clock.instant();
        repository.recordRun(today, trigger.name(), started, finished, candidates.size(), sent[0], sent[1], replica,
                today.minusDays(RUN_HISTORY_DAYS));
        AlertCheckRun run = new AlertCheckRun(today, candidates.size(), sent[0], sent[1],
                (System.nanoTime() - startedNanos) / 1_000_000);
        LOG.infof("Credential alert check (%s) for %s: %d credentials checked, %d expiring and %d expired alerts sent,"
                + " %d ms", trigger, today, run.checked(), run.expiring(), run.expired(), run.durationMillis());
        return Optional.of(run);
    }

    /** Records and announces the alerts these candidates are due; returns how many {EXPIRING, EXPIRED} were sent. */
    private int[] send(List<Candidate> candidates, LocalDate today) {
        List<AlertRow> rows = new ArrayList<>();
        List<Candidate> holders = new ArrayList<>();
        for (Candidate candidate : candidates) {
            rule.due(candidate.validUntil(), today, candidate.sent()).ifPresent(alert -> {
                rows.add(new AlertRow(candidate.credentialId(), candidate.validUntil(), alert,
                        ExpiryAlertRule.daysLeft(candidate.validUntil(), today), today));
                holders.add(candidate);
            });
        }
        int[] sent = {0, 0};
        if (rows.isEmpty()) {
            return sent;
        }
        boolean[] recorded = repository.record(rows, clock.instant());
        for (int i = 0; i < rows.size(); i++) {
            if (recorded[i]) {
                announce(holders.get(i), rows.get(i));
                sent[rows.get(i).alert().kind() == Kind.EXPIRING ? 0 : 1]++;
            }
        }
        return sent;
    }

    private void announce(Candidate credential, AlertRow row) {
        Alert alert = row.alert();
        if (alert.kind() == Kind.EXPIRED) {
            events.credentialExpired(new CredentialExpired(credential.credentialId(), credential.clinicianId(),
                    credential.procedureCode(), credential.validUntil(), row.asOf()));
        } else {
            events.credentialExpiring(new CredentialExpiring(credential.credentialId(), credential.clinicianId(),
                    credential.procedureCode(), credential.validUntil(), row.daysLeft(), alert.threshold(),
                    row.asOf()));
        }
    }

    private LocalDate horizon(LocalDate today) {
        return today.plusDays(rule.horizonDays());
    }
}
