package org.rota.credential.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rota.credential.MovableClock;
import org.rota.credential.service.CredentialAlerts;
import org.rota.credential.service.CredentialAlerts.AlertCheckRun;
import org.rota.credential.service.CredentialAlerts.Trigger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The daily check's time for {@code rota.bench.credentials} (10,000) credentials against the module's real
 * PostgreSQL and Kafka: a benchmark, not a test (its name keeps it out of the test run;
 * {@code credential-service/bench-alerts} runs it). The credentials, of 500 clinicians and 20 procedures, are written in SQL, all valid until the same day;
 * the service's clock is then set to the days their thresholds fall due, so that each of those runs sends an alert
 * for every credential (through the outbox, which the relay publishes meanwhile), and to days between them, when the
 * run checks every credential and finds nothing due. Prints the median and worst of each kind.
 */
@QuarkusTest
class CredentialAlertsBench {

    private static final LocalDate DAY = LocalDate.of(2032, 1, 5);

    @Inject
    CredentialAlerts alerts;

    @Inject
    MovableClock clock;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void dailyCheckOfEveryCredential() {
        int credentials = Integer.getInteger("rota.bench.credentials", 10_000);
        LocalDate validUntil = DAY.plusDays(200);
        insert(credentials, validUntil);

        List<Long> allDue = new ArrayList<>();
        List<Long> noneDue = new ArrayList<>();
        // each day a threshold (180, 90, 30, 14, 7) falls due, then two days later with nothing new; then the expiry
        for (int daysLeft : new int[] {175, 85, 25, 12, 5}) {
            allDue.add(timedRun(validUntil.minusDays(daysLeft), credentials, true));
            noneDue.add(timedRun(validUntil.minusDays(daysLeft - 2), credentials, false));
        }
        allDue.add(timedRun(validUntil.plusDays(1), credentials, true));
        report(credentials, "every credential due an alert", allDue);
        report(credentials, "nothing due", noneDue);
    }

    private long timedRun(LocalDate today, int credentials, boolean allDue) {
        clock.setToday(today);
        long started = System.nanoTime();
        AlertCheckRun run = alerts.checkAll(Trigger.REQUEST).orElseThrow();
        long millis = (System.nanoTime() - started) / 1_000_000;
        int sent = run.expiring() + run.expired();
        assertThat(sent).as("alerts sent on " + today).isEqualTo(allDue ? credentials : 0);
        System.out.printf("bench: %s checked %d, sent %d in %d ms (run %d ms before commit)%n", today, run.checked(),
                sent, millis, run.durationMillis());
        return millis;
    }

    private static void report(int credentials, String kind, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("bench: daily check of %d credentials, %s: median %d ms, worst %d ms over %d runs %s%n",
                credentials, kind, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), sorted.size(),
                millis);
    }

    /** 500 clinicians (more when needed) holding 20 procedures each: at most one ACTIVE credential per pair. */
    private void insert(int credentials, LocalDate validUntil) {
        int procedures = 20;
        int clinicians = (credentials + procedures - 1) / procedures;
        Timestamp now = Timestamp.from(Instant.now());
        String prefix = "B" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        QuarkusTransaction.requiringNew().run(() -> entityManager.unwrap(Session.class).doWork(connection -> {
            List<UUID> clinicianIds = new ArrayList<>();
            try (PreparedStatement procedure = connection.prepareStatement("""
                    INSERT INTO procedure (id, code, name, active, version, created_at, updated_at)
                    VALUES (?, ?, ?, true, 0, ?, ?)""");
                    PreparedStatement clinician = connection.prepareStatement("""
                            INSERT INTO clinician (id, external_id, display_name, role, fte, active, version,
                                                   created_at, updated_at)
                            VALUES (?, ?, ?, 'FACULTY', 1.0, true, 0, ?, ?)""");
                    PreparedStatement credential = connection.prepareStatement("""
                            INSERT INTO credential (id, clinician_id, procedure_code, level, valid_from, valid_until,
                                                    status, version, created_at, updated_at)
                            VALUES (?, ?, ?, 'EXPERT', ?, ?, 'ACTIVE', 0, ?, ?)""")) {
                for (int p = 0; p < procedures; p++) {
                    procedure.setObject(1, UUID.randomUUID());
                    procedure.setString(2, prefix + p);
                    procedure.setString(3, "Bench procedure " + p);
                    procedure.setTimestamp(4, now);
                    procedure.setTimestamp(5, now);
                    procedure.addBatch();
                }
                procedure.executeBatch();
                for (int c = 0; c < clinicians; c++) {
                    UUID id = UUID.randomUUID();
                    clinicianIds.add(id);
                    clinician.setObject(1, id);
                    clinician.setString(2, prefix + "-" + c);
                    clinician.setString(3, "Bench clinician " + c);
                    clinician.setTimestamp(4, now);
                    clinician.setTimestamp(5, now);
                    clinician.addBatch();
                }
                clinician.executeBatch();
                for (int i = 0; i < credentials; i++) {
                    credential.setObject(1, UUID.randomUUID());
                    credential.setObject(2, clinicianIds.get(i / procedures));
                    credential.setString(3, prefix + (i % procedures));
                    credential.setDate(4, Date.valueOf(DAY.minusYears(1)));
                    credential.setDate(5, Date.valueOf(validUntil));
                    credential.setTimestamp(6, now);
                    credential.setTimestamp(7, now);
                    credential.addBatch();
                }
                credential.executeBatch();
            }
        }));
    }
}
