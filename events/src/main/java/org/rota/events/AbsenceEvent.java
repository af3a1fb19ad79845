package org.rota.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Full state of an absence after a change. A withdrawn absence is announced once more with {@code deleted=true}
 * and a higher version: consumers drop it, and the compacted topic keeps that final state.
 */
public record AbsenceEvent(
        UUID id,
        UUID clinicianId,
        Instant from,
        Instant until,
        String reason,
        boolean deleted,
        long version,
        Instant updatedAt) {
}
