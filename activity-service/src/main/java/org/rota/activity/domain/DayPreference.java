package org.rota.activity.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.rota.events.DayPreferenceKind;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A clinician would like to work on a day, or would rather not; the solver weighs it. */
@Entity
@Table(name = "day_preference")
public class DayPreference extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinician_id", nullable = false, updatable = false)
    public UUID clinicianId;

    @Column(name = "day", nullable = false)
    public LocalDate onDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DayPreferenceKind kind;

    /** Withdrawn: kept so that its last version, published with deleted=true, is never reused. */
    @Column(nullable = false)
    public boolean deleted;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
