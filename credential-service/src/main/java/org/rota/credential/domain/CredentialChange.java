package org.rota.credential.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One entry of a credential's history: never updated, never deleted. */
@Entity
@Table(name = "credential_change")
public class CredentialChange extends PanacheEntityBase {

    public enum Kind {
        GRANTED, UPDATED, SUSPENDED, REINSTATED, REVOKED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "credential_id", nullable = false)
    public UUID credentialId;

    @Column(nullable = false)
    public long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    /** Who made the change: the authenticated principal, or the source system of an inbound message. */
    @Column(nullable = false)
    public String actor;

    public String reason;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** When a change of status takes effect (may differ from {@link #changedAt}); null for other changes. */
    @Column(name = "effective_from")
    public Instant effectiveFrom;

    /** The credential's full state after the change, as JSON. */
    @Column(nullable = false)
    public String state;
}
