package org.rota.solver.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
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

    /** Comma-separated department codes. */
    @Column(nullable = false)
    public String departments;

    @Column(nullable = false, precision = 3, scale = 2)
    public BigDecimal fte;

    @Column(name = "max_minutes_per_week")
    public Integer maxMinutesPerWeek;

    @Column(nullable = false)
    public boolean active;

    @Column(nullable = false)
    public long version;

    public List<String> departmentList() {
        return departments.isEmpty() ? List.of() : Arrays.asList(departments.split(","));
    }
}
