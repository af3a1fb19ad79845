package org.rota.credential.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.rota.events.CredentialLevel;
import org.rota.events.CredentialStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A clinician's privilege to perform one procedure, at a level, over a validity window (both ends inclusive). */
@Entity
public class Credential extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The credentialing office's id for it, when it came from there. */
    @Column(name = "external_id", unique = true)
    public String externalId;

    @Column(name = "clinician_id", nullable = false, updatable = false)
    public UUID clinicianId;

    @Column(name = "procedure_code", nullable = false, updatable = false)
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

    /** The most activities of this procedure the clinician does in one ISO week; null is no limit. */
    @Column(name = "max_per_week")
    public Integer maxPerWeek;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whether the two validity windows share at least one day. */
    public boolean overlaps(LocalDate from, LocalDate until) {
        boolean startsBeforeOtherEnds = until == null || !validFrom.isAfter(until);
        boolean endsAfterOtherStarts = validUntil == null || !validUntil.isBefore(from);
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }
}
