package org.rota.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A credential will expire: sent once per credential, {@code validUntil} and {@code threshold}, for the tightest
 * threshold (days) already crossed. {@code daysLeft} counts the days from {@code asOf} (the hospital's date when it was
 * judged) to {@code validUntil}, the credential's last valid day: 0 means it expires at the end of {@code asOf}.
 */
public record CredentialExpiring(
        UUID credentialId,
        UUID clinicianId,
        String procedureCode,
        LocalDate validUntil,
        int daysLeft,
        int threshold,
        LocalDate asOf) {
}
