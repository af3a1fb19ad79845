package org.rota.solver.solver;

/**
 * Prices an allocation term by term with the model's exact formulas, for the breakdown and for greedy fallbacks. The
 * holders of an activity take their seats at the least cost ({@link SeatPlan}), so the price of an optimal CP-SAT
 * solution is CP-SAT's objective, and of any other solution at most CP-SAT's value for it.
 */
final class ObjectiveEvaluator {

    private ObjectiveEvaluator() {
    }

    static ObjectiveBreakdown evaluate(Instance instance, Eligibility eligibility, PreviousAllocation previous,
                                       boolean[] chosen) {
        Weights w = instance.options.weights();
        int[][] holders = new int[instance.activityCount()][3];
        long[] load = new long[instance.clinicianCount()];
        long qualified = 0;
        long undesiredMinutes = 0;
        long desiredMinutes = 0;
        long undesired = 0;
        long desired = 0;
        for (int p = 0; p < eligibility.size; p++) {
            if (!chosen[p]) {
                continue;
            }
            int a = eligibility.activity[p];
            int c = eligibility.clinician[p];
            holders[a][eligibility.kind[p]]++;
            load[c] += instance.normalisedMinutes(a, c);
            if (eligibility.isQualifiedInsteadOfExpert(p)) {
                qualified++;
            }
            undesiredMinutes += eligibility.undesiredMinutes[p];
            desiredMinutes += eligibility.desiredMinutes[p];
            undesired += eligibility.undesiredCost[p];
            desired += eligibility.desiredReward[p];
        }
        long unfilled = 0;
        long unfilledOptional = 0;
        long unfilledCost = 0;
        long unfilledOptionalCost = 0;
        for (int a = 0; a < instance.activityCount(); a++) {
            SeatPlan plan = instance.seats[a];
            int[] empty = plan.empty(holders[a]);
            for (int kind = 0; kind < 3; kind++) {
                if (!plan.has(kind)) {
                    continue;
                }
                if (plan.groups[kind].optional()) {
                    unfilledOptional += empty[kind];
                    unfilledOptionalCost += empty[kind] * plan.weight[kind];
                } else {
                    unfilled += empty[kind];
                    unfilledCost += empty[kind] * plan.weight[kind];
                }
            }
        }
        long squaredHours = 0;
        if (w.fairness() > 0) {
            squaredHours = eligibility.fairness.squaredHoursOf(load);
        }
        long changes = previous.unkeepable();
        for (int p : previous.keepablePairs()) {
            if (!chosen[p]) {
                changes++;
            }
        }
        return new ObjectiveBreakdown(
                unfilledCost,
                unfilledOptionalCost,
                qualified * w.qualifiedInsteadOfExpert(),
                undesired,
                -desired,
                squaredHours * w.fairness(),
                changes * w.change(),
                new ObjectiveBreakdown.Counts(unfilled, unfilledOptional, qualified, undesiredMinutes, desiredMinutes,
                        squaredHours, changes));
    }
}
