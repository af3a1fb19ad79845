package org.rota.solver.solver;

public record UnfilledSeat(String activityId, int seats, UnfilledReason reason) {
}
