package org.rota.credential.domain;

import java.time.Instant;
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
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

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

    /** The latest decision; {@link #statusHistory} says from when it applies. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CredentialStatus status;

    /** Oldest first, effective times never decreasing; the last step's status is {@link #status}. */
    @ElementCollection
    @CollectionTable(name = "credential_status_step", joinColumns = @JoinColumn(name = "credential_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100) // a page of credentials loads its histories in a few statements, not one each
    public List<StatusStep> statusHistory = new ArrayList<>();

    /** The most activities of this procedure the clinician does in one ISO week; null is no limit. */
    @Column(name = "max_per_week")
    public Integer maxPerWeek;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Moves to {@code next}, in effect from {@code effectiveFrom} (null: from the start, for the status granted). */
    public void changeStatus(CredentialStatus next, Instant effectiveFrom) {
        status = next;
        statusHistory.add(new StatusStep(next, effectiveFrom));
    }

    /** When the latest status change took effect; null when the status is still the one granted. */
    public Instant statusEffectiveFrom() {
        return statusHistory.isEmpty() ? null : statusHistory.get(statusHistory.size() - 1).effectiveFrom;
    }

    /** Whether the two validity windows share at least one day. */
    public boolean overlaps(LocalDate from, LocalDate until) {
        boolean startsBeforeOtherEnds = until == null || !validFrom.isAfter(until);
        boolean endsAfterOtherStarts = validUntil == null || !validUntil.isBefore(from);
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }
}
