package org.rota.credential.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.TreeSet;
import java.util.SortedSet;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import org.hibernate.annotations.SortNatural;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
public class Clinician extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The id other hospital systems (HR) know this clinician by. */
    @Column(name = "external_id", nullable = false, unique = true)
    public String externalId;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClinicianRole role;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "clinician_department", joinColumns = @JoinColumn(name = "clinician_id"))
    @Column(name = "department", nullable = false)
    @SortNatural
    public SortedSet<String> departments = new TreeSet<>();

    /** Full-time equivalent, 0 < fte ≤ 1: scales weekly minutes and fairness. */
    @Column(nullable = false, precision = 3, scale = 2)
    public BigDecimal fte;

    @Column(name = "max_minutes_per_week")
    public Integer maxMinutesPerWeek;

    @Column(nullable = false)
    public boolean active;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When this clinician's personal data was erased (the name is a pseudonym since); null while it is not. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    /** What an erased clinician is called: derived from the id alone, so it says nothing about the person. */
    public static String pseudonym(UUID id) {
        return "Erased clinician " + id;
    }
}
