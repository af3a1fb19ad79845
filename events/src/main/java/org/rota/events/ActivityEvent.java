package org.rota.events;

import java.time.Instant;
import java.util.UUID;

/** Full state of an activity after a change; CANCELLED is how an activity ends. {@code end} is exclusive. */
public record ActivityEvent(
        UUID id,
        String externalId,
        String department,
        String title,
        Instant start,
        Instant end,
        String location,
        String procedureCode,
        int requiredClinicians,
        CredentialLevel minimumLevel,
        ActivityStatus status,
        long version,
        Instant updatedAt) {
}
