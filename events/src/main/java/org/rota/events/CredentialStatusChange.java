package org.rota.events;

import java.time.Instant;

/**
 * One step of a credential's status history: {@code status} applies from {@code effectiveFrom} until the next step's
 * effective time. The first step is the status the credential was granted with; its {@code effectiveFrom} is null,
 * meaning from the start of the credential's validity.
 */
public record CredentialStatusChange(CredentialStatus status, Instant effectiveFrom) {
}
