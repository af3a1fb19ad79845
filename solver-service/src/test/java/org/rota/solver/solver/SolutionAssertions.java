package org.rota.solver.solver;

import java.util.List;

/** Reads a solution the way the specifications talk about it. */
final class SolutionAssertions {

    private SolutionAssertions() {
    }

    static List<String> staffOf(Solution solution, String activityId) {
        return solution.assignments().stream()
                .filter(assignment -> assignment.activityId().equals(activityId))
                .map(Assignment::clinicianId)
                .sorted()
                .toList();
    }

    static List<String> activitiesOf(Solution solution, String clinicianId) {
        return solution.assignments().stream()
                .filter(assignment -> assignment.clinicianId().equals(clinicianId))
                .map(Assignment::activityId)
                .sorted()
                .toList();
    }

    static UnfilledReason unfilledReasonOf(Solution solution, String activityId) {
        return solution.unfilled().stream()
                .filter(seat -> seat.activityId().equals(activityId))
                .map(UnfilledSeat::reason)
                .findFirst()
                .orElse(null);
    }
}
