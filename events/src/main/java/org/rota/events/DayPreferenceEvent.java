package org.rota.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Full state of a clinician's preference for a day after a change. A withdrawn preference is announced once more
 * with {@code deleted=true} and a higher version.
 */
public record DayPreferenceEvent(
        UUID id,
        UUID clinicianId,
        LocalDate date,
        DayPreferenceKind kind,
        boolean deleted,
        long version,
        Instant updatedAt) {
}
