package org.rota.solver.solver;

import java.time.LocalDate;

/** A clinician's wish to work, or not, on a date of the problem's zone. */
public record DayPreference(String clinicianId, LocalDate date, PreferenceKind kind) {

    public DayPreference {
        Checks.require(clinicianId != null, "preferences[].clinicianId", "is required");
        Checks.require(date != null, "preferences[].date", "is required for " + clinicianId);
        Checks.require(kind != null, "preferences[].kind", "is required for " + clinicianId);
    }
}
