package org.rota.solver.solver;

import java.time.Instant;

/**
 * Fixed work: time a clinician already spends on an activity outside this problem (another department's assignment, an
 * adjacent week's published allocation, an activity that has already started). Each interval is one activity. It blocks
 * any overlapping activity, and every working-time rule counts it like an assignment of the window: rest and duty
 * length, the day limit (on its start date), the weekly cap (in its start date's ISO week) and, with
 * {@code procedureCode}, the weekly cap of that procedure. An unfilled seat it causes is a capacity problem
 * (ALL_ELIGIBLE_BUSY), not an absence.
 */
public record BusyInterval(String clinicianId, Instant from, Instant until, String procedureCode) {

    public BusyInterval {
        Checks.require(clinicianId != null, "busy[].clinicianId", "is required");
        Checks.require(from != null && until != null, "busy[].from/until", "are required for " + clinicianId);
        Checks.require(until.isAfter(from), "busy[].until", "must be after from for " + clinicianId);
    }

    public BusyInterval(String clinicianId, Instant from, Instant until) {
        this(clinicianId, from, until, null);
    }
}
