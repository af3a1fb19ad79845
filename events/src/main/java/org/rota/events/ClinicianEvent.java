package org.rota.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Full state of a clinician after a change; {@code active=false} is how a clinician leaves. */
public record ClinicianEvent(
        UUID id,
        String externalId,
        String displayName,
        String role,
        List<String> departments,
        BigDecimal fte,
        Integer maxMinutesPerWeek,
        boolean active,
        long version,
        Instant updatedAt) {
}
