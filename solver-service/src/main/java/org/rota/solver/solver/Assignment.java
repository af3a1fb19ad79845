package org.rota.solver.solver;

/** {@code level} is the clinician's credential level for the activity's procedure, null without a procedure. */
public record Assignment(String activityId, String clinicianId, Level level) {
}
