package org.rota.solver.solver;

/**
 * {@code level} is the clinician's credential level for the activity's procedure, null without a procedure;
 * {@code seat} the level of the seat group the assignment fills (set in every solution; input read by the commit
 * check and the explanations may leave it null).
 */
public record Assignment(String activityId, String clinicianId, Level level, Level seat) {

    public Assignment(String activityId, String clinicianId, Level level) {
        this(activityId, clinicianId, level, null);
    }
}
