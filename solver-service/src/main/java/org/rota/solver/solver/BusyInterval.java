package org.rota.solver.solver;

import java.time.Instant;

/**
 * Time a clinician already spends on another department's allocation. It blocks like an absence, but an unfilled seat
 * it causes is a capacity problem (ALL_ELIGIBLE_BUSY), not an absence.
 */
public record BusyInterval(String clinicianId, Instant from, Instant until) {

    public BusyInterval {
        Checks.require(clinicianId != null, "busy[].clinicianId", "is required");
        Checks.require(from != null && until != null, "busy[].from/until", "are required for " + clinicianId);
        Checks.require(until.isAfter(from), "busy[].until", "must be after from for " + clinicianId);
    }
}
