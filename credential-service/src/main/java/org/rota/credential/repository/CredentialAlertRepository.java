package org.rota.credential.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.rota.credential.service.ExpiryAlertRule.Alert;
import org.rota.credential.service.ExpiryAlertRule.Kind;

/** The expiry alerts sent and the runs of the check of every credential, in plain SQL (bulk, on the caller's transaction). */
@ApplicationScoped
public class CredentialAlertRepository {

    /** Arbitrary constant naming the advisory lock of the check of every credential (the outbox relay has its own). */
    private static final long RUN_LOCK = 0x526f7461416c7274L;

    /**
     * Who may be warned about: ACTIVE credentials (suspended and revoked ones are not valid anyway) with a validUntil
     * up to the horizon, held by an active clinician (an erased clinician is inactive for good), with the alerts
     * already sent for that validUntil. Those already reported EXPIRED are left out here, as they can never be due
     * again, so that the expired credentials of years past are not read every day.
     */
    private static final String CANDIDATES = """
            SELECT c.id, c.clinician_id, c.procedure_code, c.valid_until,
                   array_remove(array_agg(a.kind), NULL) AS kinds, array_remove(array_agg(a.threshold_days), NULL) AS thresholds
            FROM credential c
            JOIN clinician h ON h.id = c.clinician_id
            LEFT JOIN credential_alert a ON a.credential_id = c.id AND a.valid_until = c.valid_until
            WHERE c.status = 'ACTIVE' AND h.active AND c.valid_until IS NOT NULL AND c.valid_until <= ?
              AND NOT EXISTS (SELECT 1 FROM credential_alert x WHERE x.credential_id = c.id
                              AND x.valid_until = c.valid_until AND x.kind = 'EXPIRED')
              %s
            GROUP BY c.id
            ORDER BY c.id""";

    /** All rows in one statement; RETURNING names those this transaction recorded (the others were already there). */
    private static final String INSERT = """
            INSERT INTO credential_alert (credential_id, valid_until, kind, threshold_days, days_left, as_of, created_at)
            SELECT due.*, ?::timestamptz
            FROM unnest(?::uuid[], ?::date[], ?::varchar[], ?::int[], ?::int[], ?::date[]) AS due
            ON CONFLICT DO NOTHING
            RETURNING credential_id, kind, threshold_days""";

    /** A credential that may be due an alert, with what was already sent for its validUntil. */
    public record Candidate(UUID credentialId, UUID clinicianId, String procedureCode, LocalDate validUntil,
            List<Alert> sent) {
    }

    /** An alert to record for a credential's validUntil. */
    public record AlertRow(UUID credentialId, LocalDate validUntil, Alert alert, int daysLeft, LocalDate asOf) {
    }

    private final EntityManager entityManager;

    CredentialAlertRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Takes the run's lock for the rest of this transaction, if no other transaction (on any replica) holds it. A
     * transaction-scoped lock rather than a lease row: it is released by the commit or rollback that ends the run,
     * and by the server when a replica dies mid-run (its session ends), so there is no lease to expire or to renew,
     * and the alerts, their outbox rows and the run's record commit together under it.
     */
    public boolean tryLockRun() {
        return query(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, RUN_LOCK);
                try (ResultSet result = lock.executeQuery()) {
                    return result.next() && result.getBoolean(1);
                }
            }
        });
    }

    /** Whether a check of every credential already completed for this hospital date. */
    public boolean completedOn(LocalDate asOf) {
        return query(connection -> {
            try (PreparedStatement exists = connection.prepareStatement(
                    "SELECT EXISTS (SELECT 1 FROM credential_alert_run WHERE as_of = ?)")) {
                exists.setDate(1, Date.valueOf(asOf));
                try (ResultSet result = exists.executeQuery()) {
                    return result.next() && result.getBoolean(1);
                }
            }
        });
    }

    /** The candidates valid until {@code horizon} at the latest; only those of {@code ids} when not null. */
    public List<Candidate> candidates(LocalDate horizon, Collection<UUID> ids) {
        return query(connection -> {
            String sql = CANDIDATES.formatted(ids == null ? "" : "AND c.id = ANY (?)");
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setDate(1, Date.valueOf(horizon));
                if (ids != null) {
                    select.setArray(2, connection.createArrayOf("uuid", ids.toArray()));
                }
                List<Candidate> candidates = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        candidates.add(new Candidate(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                                row.getString(3), row.getDate(4).toLocalDate(),
                                sent(row.getArray(5), row.getArray(6))));
                    }
                }
                return candidates;
            }
        });
    }

    /**
     * Locks these credentials against changes until this transaction ends (in id order, as every run takes them).
     * A change already under way is waited for, and what is read afterwards is its committed result.
     */
    public void lockForShare(List<UUID> ids) {
        query(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT id FROM credential WHERE id = ANY (?) ORDER BY id FOR SHARE")) {
                lock.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                try (ResultSet ignored = lock.executeQuery()) {
                    return null;
                }
            }
        });
    }

    /**
     * Records the alerts that no transaction recorded before (the primary key decides, waiting for a concurrent
     * transaction that wrote the same key); returns, for each row, whether this transaction recorded it.
     */
    public boolean[] record(List<AlertRow> rows, Instant now) {
        return query(connection -> {
            int size = rows.size();
            Object[] credentials = new Object[size];
            Object[] validUntil = new Object[size];
            Object[] kinds = new Object[size];
            Object[] thresholds = new Object[size];
            Object[] daysLeft = new Object[size];
            Object[] asOf = new Object[size];
            for (int i = 0; i < size; i++) {
                AlertRow row = rows.get(i);
                credentials[i] = row.credentialId();
                validUntil[i] = Date.valueOf(row.validUntil());
                kinds[i] = row.alert().kind().name();
                thresholds[i] = row.alert().threshold();
                daysLeft[i] = row.daysLeft();
                asOf[i] = Date.valueOf(row.asOf());
            }
            Set<String> inserted = new HashSet<>();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setTimestamp(1, Timestamp.from(now));
                insert.setArray(2, connection.createArrayOf("uuid", credentials));
                insert.setArray(3, connection.createArrayOf("date", validUntil));
                insert.setArray(4, connection.createArrayOf("varchar", kinds));
                insert.setArray(5, connection.createArrayOf("int4", thresholds));
                insert.setArray(6, connection.createArrayOf("int4", daysLeft));
                insert.setArray(7, connection.createArrayOf("date", asOf));
                try (ResultSet result = insert.executeQuery()) {
                    while (result.next()) {
                        inserted.add(result.getObject(1, UUID.class) + "/" + result.getString(2) + "/"
                                + result.getInt(3));
                    }
                }
            }
            // one alert per credential and run, so credential, kind and threshold name a row
            boolean[] recorded = new boolean[size];
            for (int i = 0; i < size; i++) {
                AlertRow row = rows.get(i);
                recorded[i] = inserted.contains(row.credentialId() + "/" + row.alert().kind().name() + "/"
                        + row.alert().threshold());
            }
            return recorded;
        });
    }

    /** Records a completed run and forgets those before {@code keepFrom}. */
    public void recordRun(LocalDate asOf, String trigger, Instant startedAt, Instant finishedAt, int checked,
            int expiring, int expired, String replica, LocalDate keepFrom) {
        query(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO credential_alert_run (as_of, trigger, started_at, finished_at, checked, expiring, expired,
                                                      replica)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
                    PreparedStatement prune = connection.prepareStatement(
                            "DELETE FROM credential_alert_run WHERE as_of < ?")) {
                insert.setDate(1, Date.valueOf(asOf));
                insert.setString(2, trigger);
                insert.setTimestamp(3, Timestamp.from(startedAt));
                insert.setTimestamp(4, Timestamp.from(finishedAt));
                insert.setInt(5, checked);
                insert.setInt(6, expiring);
                insert.setInt(7, expired);
                insert.setString(8, replica);
                insert.executeUpdate();
                prune.setDate(1, Date.valueOf(keepFrom));
                prune.executeUpdate();
                return null;
            }
        });
    }

    private static List<Alert> sent(Array kinds, Array thresholds) throws SQLException {
        String[] kind = (String[]) kinds.getArray();
        Integer[] threshold = (Integer[]) thresholds.getArray();
        List<Alert> sent = new ArrayList<>(kind.length);
        for (int i = 0; i < kind.length; i++) {
            sent.add(new Alert(Kind.valueOf(kind[i]), threshold[i]));
        }
        return sent;
    }

    private <T> T query(Work<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work::execute);
    }

    @FunctionalInterface
    private interface Work<T> {
        T execute(Connection connection) throws SQLException;
    }
}
