package org.rota.solver.solver;

/** A manual assignment the solver must keep, or else report as a {@link PinConflict}. */
public record Pin(String activityId, String clinicianId) {

    public Pin {
        Checks.require(activityId != null, "pins[].activityId", "is required");
        Checks.require(clinicianId != null, "pins[].clinicianId", "is required");
    }
}
