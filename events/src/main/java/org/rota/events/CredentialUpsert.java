package org.rota.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Inbound from the credentialing office: create or update the credential with this externalId, held by the
 * clinician with {@code clinicianExternalId}. {@code statusEffectiveFrom} (optional) is when a change of status takes
 * effect, by the same rules as REST's {@code effectiveFrom}; absent, the change takes effect when it is applied.
 */
public record CredentialUpsert(
        String externalId,
        String clinicianExternalId,
        String procedureCode,
        CredentialLevel level,
        LocalDate validFrom,
        LocalDate validUntil,
        CredentialStatus status,
        Integer maxPerWeek,
        Instant statusEffectiveFrom) {
}
