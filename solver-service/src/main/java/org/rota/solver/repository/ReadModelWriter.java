package org.rota.solver.repository;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.rota.events.AbsenceEvent;
import org.rota.events.ActivityEvent;
import org.rota.events.ClinicianEvent;
import org.rota.events.CredentialEvent;
import org.rota.events.CredentialLevel;
import org.rota.events.CredentialStatusChange;
import org.rota.events.DayPreferenceEvent;
import org.rota.events.SeatGroup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The projection's statements on one connection of the current transaction: conditional upserts that apply an event
 * only when its version is newer than the stored one (atomically, so two consumers can never let an older version
 * overwrite a newer one), and the look-ups of the planning windows a change touches. Plain JDBC, so that a statement
 * the database refuses surfaces as an {@link SQLException} and can be rolled back to its savepoint without dooming the
 * batch's transaction (a failing JPA query would mark it rollback-only). Unqualified table names, so that the rebuild
 * runs the same statements against its staging schema through the search path.
 */
public final class ReadModelWriter {

    /** A conditional upsert's outcome: whether it was applied, and the state it replaced (empty for a new row). */
    public record Applied<T>(boolean applied, Optional<T> previous) {

        static <T> Applied<T> stale() {
            return new Applied<>(false, Optional.empty());
        }
    }

    /** When and where an activity was before its change, so that the window it left is re-planned too. */
    public record ActivityPlace(String department, Instant start) {
    }

    public record Interval(Instant from, Instant until) {
    }

    /** The seat groups as stored: plain records, no module of the REST mapper (as Hibernate reads them back). */
    private static final ObjectMapper SEATS_JSON = new ObjectMapper();

    private static final String UPSERT_CLINICIAN = """
            INSERT INTO known_clinician (id, external_id, display_name, fte, max_minutes_per_week, active, version)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET external_id = EXCLUDED.external_id, display_name = EXCLUDED.display_name,
                fte = EXCLUDED.fte, max_minutes_per_week = EXCLUDED.max_minutes_per_week, active = EXCLUDED.active,
                version = EXCLUDED.version
            WHERE known_clinician.version < EXCLUDED.version""";

    private static final String UPSERT_CREDENTIAL = """
            INSERT INTO known_credential (id, clinician_id, procedure_code, level, valid_from, valid_until, status,
                max_per_week, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET clinician_id = EXCLUDED.clinician_id,
                procedure_code = EXCLUDED.procedure_code, level = EXCLUDED.level, valid_from = EXCLUDED.valid_from,
                valid_until = EXCLUDED.valid_until, status = EXCLUDED.status, max_per_week = EXCLUDED.max_per_week,
                version = EXCLUDED.version
            WHERE known_credential.version < EXCLUDED.version""";

    // The CTE reads the row as it was when the statement started: RETURNING then reports the replaced state.
    private static final String UPSERT_ACTIVITY = """
            WITH previous AS (SELECT department, starts_at FROM known_activity WHERE id = ?)
            INSERT INTO known_activity (id, department, title, location, starts_at, ends_at, procedure_code,
                required_clinicians, minimum_level, seats, trainees_per_supervisor, status, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET department = EXCLUDED.department, title = EXCLUDED.title,
                location = EXCLUDED.location, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,
                procedure_code = EXCLUDED.procedure_code, required_clinicians = EXCLUDED.required_clinicians,
                minimum_level = EXCLUDED.minimum_level, seats = EXCLUDED.seats,
                trainees_per_supervisor = EXCLUDED.trainees_per_supervisor, status = EXCLUDED.status,
                version = EXCLUDED.version
            WHERE known_activity.version < EXCLUDED.version
            RETURNING (SELECT department FROM previous), (SELECT starts_at FROM previous)""";

    private static final String UPSERT_ABSENCE = """
            WITH previous AS (SELECT starts_at, ends_at FROM known_absence WHERE id = ?)
            INSERT INTO known_absence (id, clinician_id, starts_at, ends_at, removed, version)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET clinician_id = EXCLUDED.clinician_id, starts_at = EXCLUDED.starts_at,
                ends_at = EXCLUDED.ends_at, removed = EXCLUDED.removed, version = EXCLUDED.version
            WHERE known_absence.version < EXCLUDED.version
            RETURNING (SELECT starts_at FROM previous), (SELECT ends_at FROM previous)""";

    private static final String UPSERT_PREFERENCE = """
            WITH previous AS (SELECT day FROM known_preference WHERE id = ?)
            INSERT INTO known_preference (id, clinician_id, day, kind, removed, version)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET clinician_id = EXCLUDED.clinician_id, day = EXCLUDED.day,
                kind = EXCLUDED.kind, removed = EXCLUDED.removed, version = EXCLUDED.version
            WHERE known_preference.version < EXCLUDED.version
            RETURNING (SELECT day FROM previous)""";

    private final Connection connection;

    public ReadModelWriter(Connection connection) {
        this.connection = connection;
    }

    /** Applies a clinician; when applied, replaces its departments and returns the ones it had. */
    public Applied<Set<String>> clinician(ClinicianEvent event, BigDecimal fte) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_CLINICIAN)) {
            upsert.setObject(1, event.id());
            upsert.setString(2, event.externalId());
            upsert.setString(3, event.displayName());
            upsert.setBigDecimal(4, fte);
            setInteger(upsert, 5, event.maxMinutesPerWeek());
            upsert.setBoolean(6, event.active());
            upsert.setLong(7, event.version());
            if (upsert.executeUpdate() == 0) {
                return Applied.stale();
            }
        }
        // the upsert holds the clinician's row lock until commit, so department rows are replaced one writer at a time
        Set<String> previous = new LinkedHashSet<>();
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM known_clinician_department WHERE clinician_id = ? RETURNING department")) {
            delete.setObject(1, event.id());
            try (ResultSet rows = delete.executeQuery()) {
                while (rows.next()) {
                    previous.add(rows.getString(1));
                }
            }
        }
        Set<String> departments = event.departments() == null ? Set.of() : new LinkedHashSet<>(event.departments());
        if (!departments.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO known_clinician_department (clinician_id, department) VALUES (?, ?)")) {
                for (String department : departments) {
                    insert.setObject(1, event.id());
                    insert.setString(2, department);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        return new Applied<>(true, Optional.of(previous));
    }

    /** Applies a credential; when applied, replaces its status history with the event's. */
    public boolean credential(CredentialEvent event) throws SQLException {
        if (!upsertCredential(event)) {
            return false;
        }
        // the upsert holds the credential's row lock until commit, so its steps are replaced one writer at a time
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM known_credential_status WHERE credential_id = ?")) {
            delete.setObject(1, event.id());
            delete.executeUpdate();
        }
        List<CredentialStatusChange> steps = event.statusHistory() == null ? List.of() : event.statusHistory();
        if (!steps.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO known_credential_status"
                    + " (credential_id, position, status, effective_from) VALUES (?, ?, ?, ?)")) {
                for (int position = 0; position < steps.size(); position++) {
                    insert.setObject(1, event.id());
                    insert.setInt(2, position);
                    insert.setString(3, steps.get(position).status().name());
                    insert.setObject(4, timestamp(steps.get(position).effectiveFrom()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        return true;
    }

    private boolean upsertCredential(CredentialEvent event) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_CREDENTIAL)) {
            upsert.setObject(1, event.id());
            upsert.setObject(2, event.clinicianId());
            upsert.setString(3, event.procedureCode());
            upsert.setString(4, event.level().name());
            upsert.setObject(5, event.validFrom());
            upsert.setObject(6, event.validUntil());
            upsert.setString(7, event.status().name());
            setInteger(upsert, 8, event.maxPerWeek());
            upsert.setLong(9, event.version());
            return upsert.executeUpdate() > 0;
        }
    }

    /** {@code seats}: the event's groups as the solver accepted them (a missing level defaulted). */
    public Applied<ActivityPlace> activity(ActivityEvent event, List<SeatGroup> seats) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_ACTIVITY)) {
            upsert.setObject(1, event.id());
            upsert.setObject(2, event.id());
            upsert.setString(3, event.department());
            upsert.setString(4, event.title());
            upsert.setString(5, event.location());
            upsert.setObject(6, timestamp(event.start()));
            upsert.setObject(7, timestamp(event.end()));
            upsert.setString(8, event.procedureCode());
            upsert.setInt(9, SeatGroup.requiredSeats(seats));
            upsert.setString(10, shorthandLevel(seats).name());
            upsert.setString(11, json(seats));
            setInteger(upsert, 12, event.traineesPerSupervisor());
            upsert.setString(13, event.status().name());
            upsert.setLong(14, event.version());
            try (ResultSet row = upsert.executeQuery()) {
                if (!row.next()) {
                    return Applied.stale();
                }
                String department = row.getString(1);
                return new Applied<>(true, department == null ? Optional.empty()
                        : Optional.of(new ActivityPlace(department, instant(row, 2))));
            }
        }
    }

    public Applied<Interval> absence(AbsenceEvent event) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_ABSENCE)) {
            upsert.setObject(1, event.id());
            upsert.setObject(2, event.id());
            upsert.setObject(3, event.clinicianId());
            upsert.setObject(4, timestamp(event.from()));
            upsert.setObject(5, timestamp(event.until()));
            upsert.setBoolean(6, event.deleted());
            upsert.setLong(7, event.version());
            try (ResultSet row = upsert.executeQuery()) {
                if (!row.next()) {
                    return Applied.stale();
                }
                Instant from = instant(row, 1);
                return new Applied<>(true, from == null ? Optional.empty()
                        : Optional.of(new Interval(from, instant(row, 2))));
            }
        }
    }

    public Applied<LocalDate> preference(DayPreferenceEvent event) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_PREFERENCE)) {
            upsert.setObject(1, event.id());
            upsert.setObject(2, event.id());
            upsert.setObject(3, event.clinicianId());
            upsert.setObject(4, event.date());
            upsert.setString(5, event.kind().name());
            upsert.setBoolean(6, event.deleted());
            upsert.setLong(7, event.version());
            try (ResultSet row = upsert.executeQuery()) {
                if (!row.next()) {
                    return Applied.stale();
                }
                return new Applied<>(true, Optional.ofNullable(row.getObject(1, LocalDate.class)));
            }
        }
    }

    public List<String> departmentsOf(UUID clinicianId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT department FROM known_clinician_department WHERE clinician_id = ? ORDER BY department")) {
            query.setObject(1, clinicianId);
            List<String> departments = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    departments.add(rows.getString(1));
                }
            }
            return departments;
        }
    }

    /** A department and the Monday of an ISO week (in the planning zone) in which it has work. */
    public record DepartmentWeek(String department, LocalDate weekStart) {
    }

    /**
     * The weeks in which these departments have scheduled activities ending after {@code from} (and starting before
     * {@code until}, when given), optionally of one procedure: one row per week, however many activities it holds.
     */
    public List<DepartmentWeek> weeksWithScheduledActivities(Collection<String> departments, String procedureCode,
            Instant from, Instant until, ZoneId zone) throws SQLException {
        if (departments.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT DISTINCT department, CAST(date_trunc('week', starts_at AT TIME ZONE ?) AS date)"
                + " FROM known_activity WHERE status = 'SCHEDULED' AND department = ANY (?) AND ends_at > ?"
                + (until == null ? "" : " AND starts_at < ?")
                + (procedureCode == null ? "" : " AND procedure_code = ?");
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int i = 1;
            query.setString(i++, zone.getId());
            query.setArray(i++, connection.createArrayOf("varchar", departments.toArray()));
            query.setObject(i++, timestamp(from));
            if (until != null) {
                query.setObject(i++, timestamp(until));
            }
            if (procedureCode != null) {
                query.setString(i, procedureCode);
            }
            List<DepartmentWeek> weeks = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    weeks.add(new DepartmentWeek(rows.getString(1), rows.getObject(2, LocalDate.class)));
                }
            }
            return weeks;
        }
    }

    /** Windows in which the clinician holds a seat ending after {@code from}. */
    public List<String> windowsWhereAssigned(UUID clinicianId, Instant from) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT DISTINCT window_id FROM current_assignment WHERE clinician_id = ? AND ends_at > ?")) {
            query.setObject(1, clinicianId);
            query.setObject(2, timestamp(from));
            List<String> windows = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    windows.add(rows.getString(1));
                }
            }
            return windows;
        }
    }

    /**
     * Makes the rest of the transaction write to the copy of the tables in {@code schema} (a rebuild's staging
     * schema, whose name the rebuild generates, never taken from input).
     */
    public void useSchema(String schema) throws SQLException {
        execute("SET LOCAL search_path TO " + schema);
    }

    /** Savepoints as SQL: the pool refuses {@code Connection.rollback(Savepoint)} on a connection in a JTA transaction. */
    public void savepoint() throws SQLException {
        execute("SAVEPOINT projection_record");
    }

    public void releaseSavepoint() throws SQLException {
        execute("RELEASE SAVEPOINT projection_record");
    }

    public void rollbackToSavepoint() throws SQLException {
        execute("ROLLBACK TO SAVEPOINT projection_record");
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String json(List<SeatGroup> seats) {
        try {
            return SEATS_JSON.writeValueAsString(seats);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Seat groups that cannot be written as JSON: " + seats, e);
        }
    }

    /** The shorthand's level: the lowest required one, or the lowest of all when every group is optional. */
    private static CredentialLevel shorthandLevel(List<SeatGroup> seats) {
        CredentialLevel required = SeatGroup.lowestRequiredLevel(seats);
        return required != null ? required
                : seats.stream().map(SeatGroup::minimumLevel).min(Enum::compareTo).orElseThrow();
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
