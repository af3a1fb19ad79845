package org.rota.solver.domain;

import java.time.Instant;
import java.time.LocalDate;
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

    /** The window's department and week, as columns so that a range is read by index, not by parsing every id. */
    @Column(nullable = false)
    public String department;

    @Column(name = "week_start", nullable = false)
    public LocalDate weekStart;

    @Column(nullable = false)
    public long version;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    /**
     * The newest input this version is known to be right for: the snapshot its solve read, moved forward when a later
     * solve found the same result. A solve that read older input must not replace it.
     */
    @Column(name = "input_snapshot")
    public String inputSnapshot;

    /** The rota.allocation.v1 event exactly as published. */
    @Column(nullable = false)
    public String document;
}
