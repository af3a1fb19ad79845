package org.rota.solver.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "known_absence")
public class KnownAbsence extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinician_id", nullable = false)
    public UUID clinicianId;

    @Column(name = "starts_at", nullable = false)
    public Instant from;

    @Column(name = "ends_at", nullable = false)
    public Instant until;

    /** Deletion is a state on the compacted topic; the row stays so an older version cannot bring it back. */
    @Column(nullable = false)
    public boolean removed;

    @Column(nullable = false)
    public long version;
}
