package org.rota.events;

import java.time.LocalDate;

/**
 * Inbound from the credentialing office: create or update the credential with this externalId, held by the
 * clinician with {@code clinicianExternalId}.
 */
public record CredentialUpsert(
        String externalId,
        String clinicianExternalId,
        String procedureCode,
        CredentialLevel level,
        LocalDate validFrom,
        LocalDate validUntil,
        CredentialStatus status,
        Integer maxPerWeek) {
}
