package org.rota.solver.solver;

/** One assignment of the previously published allocation of the window; dropping it costs the change weight. */
public record PreviousAssignment(String activityId, String clinicianId) {

    public PreviousAssignment {
        Checks.require(activityId != null, "previous[].activityId", "is required");
        Checks.require(clinicianId != null, "previous[].clinicianId", "is required");
    }
}
