package org.rota.activity.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.rota.events.ActivityStatus;
import org.rota.events.CredentialLevel;
import org.rota.events.SeatGroup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Something a department schedules that needs clinicians: a clinic, a procedure list, a supervision session. */
@Entity
public class Activity extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The id the hospital's scheduling system knows this activity by; bulk imports and upserts match on it. */
    @Column(name = "external_id", nullable = false, unique = true)
    public String externalId;

    @Column(nullable = false)
    public String department;

    @Column(nullable = false)
    public String title;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    /** Exclusive. */
    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(nullable = false)
    public String location;

    /** Null for an activity anyone active can staff. */
    @Column(name = "procedure_code")
    public String procedureCode;

    /** The seat groups to fill; never empty. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<SeatGroup> seats;

    /** The shorthand of {@link #seats}: how many seats must be filled. */
    @Column(name = "required_clinicians", nullable = false)
    public int requiredClinicians;

    /** The shorthand of {@link #seats}: the lowest level among the seats that must be filled. */
    @Enumerated(EnumType.STRING)
    @Column(name = "minimum_level", nullable = false)
    public CredentialLevel minimumLevel;

    /** Null: the solver's configured default. */
    @Column(name = "trainees_per_supervisor")
    public Integer traineesPerSupervisor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActivityStatus status;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
