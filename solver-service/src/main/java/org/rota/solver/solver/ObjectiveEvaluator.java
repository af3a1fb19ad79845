package org.rota.solver.solver;

/** Prices an allocation term by term with the model's exact formulas, for the breakdown and for greedy fallbacks. */
final class ObjectiveEvaluator {

    private ObjectiveEvaluator() {
    }

    static ObjectiveBreakdown evaluate(Instance instance, Eligibility eligibility, PreviousAllocation previous,
                                       boolean[] chosen) {
        Weights w = instance.options.weights();
        int[] filled = new int[instance.activityCount()];
        long[] load = new long[instance.clinicianCount()];
        long qualified = 0;
        long undesired = 0;
        long desired = 0;
        for (int p = 0; p < eligibility.size; p++) {
            if (!chosen[p]) {
                continue;
            }
            int a = eligibility.activity[p];
            int c = eligibility.clinician[p];
            filled[a]++;
            load[c] += instance.normalisedMinutes(a, c);
            if (eligibility.isQualifiedInsteadOfExpert(p)) {
                qualified++;
            }
            if (instance.prefers(c, a, PreferenceKind.UNDESIRED)) {
                undesired++;
            }
            if (instance.prefers(c, a, PreferenceKind.DESIRED)) {
                desired++;
            }
        }
        long unfilled = 0;
        for (int a = 0; a < instance.activityCount(); a++) {
            unfilled += instance.required[a] - filled[a];
        }
        long spreadHours = 0;
        if (w.fairness() > 0) {
            long max = Long.MIN_VALUE;
            long min = Long.MAX_VALUE;
            int counted = 0;
            for (int c = 0; c < instance.clinicianCount(); c++) {
                if (eligibility.clinicianHasAnyPair(c)) {
                    max = Math.max(max, load[c]);
                    min = Math.min(min, load[c]);
                    counted++;
                }
            }
            spreadHours = counted < 2 ? 0 : (max - min + 59) / 60;
        }
        long changes = previous.unkeepable();
        for (int p : previous.keepablePairs()) {
            if (!chosen[p]) {
                changes++;
            }
        }
        return new ObjectiveBreakdown(
                unfilled * w.unfilledSeat(), 0,
                qualified * w.qualifiedInsteadOfExpert(),
                undesired * w.undesiredDay(),
                -desired * w.desiredDay(),
                spreadHours * w.fairness(),
                changes * w.change(),
                new ObjectiveBreakdown.Counts(unfilled, 0, qualified, undesired, desired, spreadHours, changes));
    }
}
