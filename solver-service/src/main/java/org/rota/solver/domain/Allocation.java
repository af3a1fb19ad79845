package org.rota.solver.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One published allocation of a planning window; versions count up per window. */
@Entity
@Table(name = "allocation")
public class Allocation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "window_id", nullable = false)
    public String windowId;

    @Column(nullable = false)
    public long version;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    /** The rota.allocation.v1 event exactly as published. */
    @Column(nullable = false)
    public String document;
}
