package org.rota.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Full state of a credential after a change; REVOKED is how a credential ends. {@code status} is the latest decision;
 * {@code statusHistory} says from when each status applies (oldest first, effective times never decreasing; a later
 * step with the same effective time wins), so that an activity is judged by the status at its own time. A producer
 * that does not send the history (null) means {@code status} applies throughout.
 */
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
        Instant updatedAt,
        List<CredentialStatusChange> statusHistory) {

    /** A credential whose status has always been {@code status}: no history. */
    public CredentialEvent(UUID id, String externalId, UUID clinicianId, String procedureCode, CredentialLevel level,
            LocalDate validFrom, LocalDate validUntil, CredentialStatus status, Integer maxPerWeek, long version,
            Instant updatedAt) {
        this(id, externalId, clinicianId, procedureCode, level, validFrom, validUntil, status, maxPerWeek, version,
                updatedAt, null);
    }
}
