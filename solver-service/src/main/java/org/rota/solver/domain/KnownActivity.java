package org.rota.solver.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.rota.events.CredentialLevel;
import org.rota.events.SeatGroup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An activity as activity-service last announced it; status SCHEDULED or CANCELLED. */
@Entity
@Table(name = "known_activity")
public class KnownActivity extends PanacheEntityBase {

    public static final String SCHEDULED = "SCHEDULED";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String department;

    public String title;

    public String location;

    @Column(name = "starts_at", nullable = false)
    public Instant start;

    @Column(name = "ends_at", nullable = false)
    public Instant end;

    @Column(name = "procedure_code")
    public String procedureCode;

    /** The seat groups to fill, as the solver accepted them (levels set, never empty). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<SeatGroup> seats;

    /** Null: the solver's configured default. */
    @Column(name = "trainees_per_supervisor")
    public Integer traineesPerSupervisor;

    /** The shorthand of {@link #seats}: the seats that must be filled. */
    @Column(name = "required_clinicians", nullable = false)
    public int requiredClinicians;

    /** The shorthand of {@link #seats}: the lowest level among the required seats. */
    @Enumerated(EnumType.STRING)
    @Column(name = "minimum_level", nullable = false)
    public CredentialLevel minimumLevel;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public long version;

    /** All seats, optional ones included. */
    public int seatCount() {
        return seats.stream().mapToInt(SeatGroup::count).sum();
    }

    public boolean scheduled() {
        return SCHEDULED.equals(status);
    }
}
