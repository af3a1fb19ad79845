package org.rota.credential.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
public class Procedure extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Short stable code other systems use, e.g. {@code VAS}; never changes. */
    @Column(nullable = false, unique = true, updatable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public boolean active;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
