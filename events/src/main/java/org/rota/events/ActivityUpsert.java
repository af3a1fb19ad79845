package org.rota.events;

import java.time.Instant;

/**
 * Inbound from hospital scheduling systems: create or update the activity with this externalId. Omitted
 * {@code minimumLevel} is QUALIFIED, omitted {@code status} is SCHEDULED.
 */
public record ActivityUpsert(
        String externalId,
        String department,
        String title,
        Instant start,
        Instant end,
        String location,
        String procedureCode,
        Integer requiredClinicians,
        CredentialLevel minimumLevel,
        ActivityStatus status) {
}
