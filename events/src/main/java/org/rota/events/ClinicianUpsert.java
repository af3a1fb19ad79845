package org.rota.events;

import java.math.BigDecimal;
import java.util.List;

/** Inbound from HR: create or update the clinician with this externalId. */
public record ClinicianUpsert(
        String externalId,
        String displayName,
        String role,
        List<String> departments,
        BigDecimal fte,
        Integer maxMinutesPerWeek,
        Boolean active) {
}
