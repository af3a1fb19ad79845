package org.rota.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A credential has expired: sent once per credential and {@code validUntil}, on the hospital's first day after
 * {@code validUntil} ({@code asOf}), or at once, later, for a credential recorded when it had already expired.
 */
public record CredentialExpired(
        UUID credentialId,
        UUID clinicianId,
        String procedureCode,
        LocalDate validUntil,
        LocalDate asOf) {
}
