package org.rota.activity.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A time a clinician cannot be allocated: leave, study, sickness. */
@Entity
public class Absence extends PanacheEntityBase {

    @Id
    public UUID id;

    /** A clinician of credential-service. */
    @Column(name = "clinician_id", nullable = false, updatable = false)
    public UUID clinicianId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    /** Exclusive. */
    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    public String reason;

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
