package org.rota.solver.solver;

import java.util.List;

/**
 * Why an activity is staffed as it is: a verdict for every clinician of the problem (in the problem's clinician order),
 * and the reasons of its empty seats in the solution given (empty without a solution).
 */
public record ActivityExplanation(String activityId, List<ClinicianVerdict> clinicians, List<UnfilledSeat> unfilled) {

    public ActivityExplanation {
        clinicians = List.copyOf(clinicians);
        unfilled = List.copyOf(unfilled);
    }
}
