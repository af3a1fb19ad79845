package org.rota.solver.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A scheduler's decision the solver keeps: this clinician staffs this activity. */
@Entity
@Table(name = "pin")
public class Pin extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "activity_id", nullable = false)
    public UUID activityId;

    @Column(name = "clinician_id", nullable = false)
    public UUID clinicianId;

    public String reason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
