package org.rota.solver.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.rota.events.CredentialLevel;
import org.rota.events.CredentialStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "known_credential")
public class KnownCredential extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinician_id", nullable = false)
    public UUID clinicianId;

    @Column(name = "procedure_code", nullable = false)
    public String procedureCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CredentialLevel level;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CredentialStatus status;

    /** From when each status applies, oldest first; empty: {@link #status} applies throughout. */
    @ElementCollection
    @CollectionTable(name = "known_credential_status", joinColumns = @JoinColumn(name = "credential_id"))
    @OrderColumn(name = "position")
    public List<KnownStatusStep> statusHistory = new ArrayList<>();

    @Column(name = "max_per_week")
    public Integer maxPerWeek;

    @Column(nullable = false)
    public long version;
}
