package org.rota.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Full state of a credential after a change; REVOKED is how a credential ends. */
public record CredentialEvent(
        UUID id,
        String externalId,
        UUID clinicianId,
        String procedureCode,
        CredentialLevel level,
        LocalDate validFrom,
        LocalDate validUntil,
        CredentialStatus status,
        Integer maxPerWeek,
        long version,
        Instant updatedAt) {
}
