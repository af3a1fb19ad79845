package org.rota.solver.solver;

import java.util.Set;

/**
 * Gives every unfilled activity one reason from the data, in the precedence of {@link UnfilledReason}: a pin conflict on
 * the activity first; otherwise the furthest any active clinician got through the eligibility checks tells what
 * stopped them all — no credential, no valid credential, too low a level, absence — and if someone was eligible (or
 * only busy elsewhere), the seat is a capacity problem.
 */
public final class UnfilledSeatExplainer {

    private final Instance instance;
    private final EligibilityCalculator calculator;
    private final Set<Integer> pinConflictActivities;

    UnfilledSeatExplainer(Instance instance, EligibilityCalculator calculator, Set<Integer> pinConflictActivities) {
        this.instance = instance;
        this.calculator = calculator;
        this.pinConflictActivities = pinConflictActivities;
    }

    UnfilledReason reasonFor(int a) {
        if (pinConflictActivities.contains(a)) {
            return UnfilledReason.PINNED_CONFLICT;
        }
        int couldServe = 0;
        EligibilityCalculator.Stage furthestOfTheRest = EligibilityCalculator.Stage.INACTIVE;
        for (int c = 0; c < instance.clinicianCount(); c++) {
            EligibilityCalculator.Stage stage = calculator.assess(a, c).stage();
            if (stage == EligibilityCalculator.Stage.ELIGIBLE || stage == EligibilityCalculator.Stage.BUSY) {
                couldServe++;
            } else if (stage.compareTo(furthestOfTheRest) > 0) {
                furthestOfTheRest = stage;
            }
        }
        // Enough people could serve, or everyone who could is already counted: the hard rules and the seats took
        // them. Too few, with others held back: the seats stay empty for the reason that stopped those closest.
        boolean nobodyElse = furthestOfTheRest == EligibilityCalculator.Stage.INACTIVE;
        if (couldServe >= instance.required[a] || (couldServe > 0 && nobodyElse)) {
            return UnfilledReason.ALL_ELIGIBLE_BUSY;
        }
        return switch (furthestOfTheRest) {
            case INACTIVE, NO_CREDENTIAL -> UnfilledReason.NO_CREDENTIALED_CLINICIAN;
            case CREDENTIAL_NOT_VALID -> UnfilledReason.CREDENTIAL_EXPIRED_OR_SUSPENDED;
            case LEVEL_TOO_LOW -> UnfilledReason.LEVEL_TOO_LOW;
            case ABSENT -> UnfilledReason.ALL_ELIGIBLE_ABSENT;
            case BUSY, ELIGIBLE -> UnfilledReason.ALL_ELIGIBLE_BUSY;
        };
    }
}
