package org.rota.solver.solver;

import java.util.List;

/**
 * The answer of one solve. {@code objective} equals {@code breakdown.total()}; {@code bestBound} is CP-SAT's proven
 * lower bound (null when unknown). Assignments are ordered by activity start, then clinician id.
 */
public record Solution(SolveStatus status, Long objective, Long bestBound, List<Assignment> assignments,
                       List<UnfilledSeat> unfilled, List<PinConflict> pinConflicts, ObjectiveBreakdown breakdown,
                       SolveTimings timings) {

    public Solution {
        assignments = List.copyOf(assignments);
        unfilled = List.copyOf(unfilled);
        pinConflicts = List.copyOf(pinConflicts);
    }

    /** Relative distance between objective and bound, in percent of |objective|; 0 when both are equal. */
    public Double gapPercent() {
        if (objective == null || bestBound == null) {
            return null;
        }
        long diff = Math.abs(objective - bestBound);
        if (diff == 0) {
            return 0.0;
        }
        return 100.0 * diff / Math.max(1, Math.abs(objective));
    }

    public int unfilledSeatCount() {
        return unfilled.stream().mapToInt(UnfilledSeat::seats).sum();
    }
}
