package org.rota.solver.solver;

import java.time.Instant;

/** Leave: the clinician cannot take any activity overlapping {@code [from, until)}. */
public record Absence(String clinicianId, Instant from, Instant until) {

    public Absence {
        Checks.require(clinicianId != null, "absences[].clinicianId", "is required");
        Checks.require(from != null && until != null, "absences[].from/until", "are required for " + clinicianId);
        Checks.require(until.isAfter(from), "absences[].until", "must be after from for " + clinicianId);
    }
}
