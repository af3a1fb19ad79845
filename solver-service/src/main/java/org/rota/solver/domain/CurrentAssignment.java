package org.rota.solver.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.rota.events.CredentialLevel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A seat of the current allocation: what REST reads, and what the next solve of the window starts from. */
@Entity
@Table(name = "current_assignment")
@IdClass(CurrentAssignment.Key.class)
public class CurrentAssignment extends PanacheEntityBase {

    @Id
    @Column(name = "activity_id")
    public UUID activityId;

    @Id
    @Column(name = "clinician_id")
    public UUID clinicianId;

    @Column(name = "window_id", nullable = false)
    public String windowId;

    @Enumerated(EnumType.STRING)
    public CredentialLevel level;

    /** The level of the seat group filled; null for assignments published before seats existed. */
    @Enumerated(EnumType.STRING)
    public CredentialLevel seat;

    @Column(name = "procedure_code")
    public String procedureCode;

    @Column(name = "starts_at", nullable = false)
    public Instant start;

    @Column(name = "ends_at", nullable = false)
    public Instant end;

    /** Taken within the freeze horizon of its activity (see the allocation event's {@code urgent}). */
    @Column(nullable = false)
    public boolean urgent;

    public record Key(UUID activityId, UUID clinicianId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
