package org.rota.credential.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.rota.events.CredentialStatus;

/**
 * One step of a credential's status history: the status applies from {@code effectiveFrom} until the next step. The
 * first step (the status granted) has no effective time: it applies from the start of the credential's validity.
 */
@Embeddable
public class StatusStep {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CredentialStatus status;

    @Column(name = "effective_from")
    public Instant effectiveFrom;

    protected StatusStep() {
    }

    public StatusStep(CredentialStatus status, Instant effectiveFrom) {
        this.status = status;
        this.effectiveFrom = effectiveFrom;
    }
}
