package org.rota.solver.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.rota.events.CredentialStatus;

/** One step of a credential's status history: {@code status} from {@code effectiveFrom} (null: from the start). */
@Embeddable
public class KnownStatusStep {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CredentialStatus status;

    @Column(name = "effective_from")
    public Instant effectiveFrom;
}
