package org.rota.solver.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A clinician's wish for a day: DESIRED or UNDESIRED. */
@Entity
@Table(name = "known_preference")
public class KnownPreference extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinician_id", nullable = false)
    public UUID clinicianId;

    @Column(nullable = false)
    public LocalDate day;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public boolean removed;

    @Column(nullable = false)
    public long version;
}
