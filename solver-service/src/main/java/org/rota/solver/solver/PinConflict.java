package org.rota.solver.solver;

/** A pin the solver did not keep, with the reason and a human-readable detail (e.g. the clashing pin). */
public record PinConflict(String activityId, String clinicianId, PinConflictReason reason, String detail) {
}
