package org.rota.solver.solver;

/** {@code seats} empty seats of the activity's group of {@code level}, all for one reason. */
public record UnfilledSeat(String activityId, int seats, UnfilledReason reason, Level level, boolean optional) {
}
