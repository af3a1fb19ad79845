package org.rota.solver.domain;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A clinician as credential-service last announced it. */
@Entity
@Table(name = "known_clinician")
public class KnownClinician extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "display_name")
    public String displayName;

    /** The department codes, one row each (matched by equality); loaded only when asked for. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "known_clinician_department", joinColumns = @JoinColumn(name = "clinician_id"))
    @Column(name = "department", nullable = false)
    public Set<String> departments;

    @Column(nullable = false, precision = 3, scale = 2)
    public BigDecimal fte;

    @Column(name = "max_minutes_per_week")
    public Integer maxMinutesPerWeek;

    @Column(nullable = false)
    public boolean active;

    @Column(nullable = false)
    public long version;
}
