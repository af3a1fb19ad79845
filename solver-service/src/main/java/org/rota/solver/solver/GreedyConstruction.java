package org.rota.solver.solver;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A fast feasible allocation used as the solver's hint: pins first, then every previous assignment that still fits
 * (so a small change yields a small diff), then the remaining seats, scarcest activities first, each seat going to the
 * fitting clinician with the lowest marginal cost (previous holder, EXPERT, day preferences) and then the least
 * fte-normalised load. It checks the same hard rules as the model, so its result is always feasible.
 */
final class GreedyConstruction {

    private GreedyConstruction() {
    }

    static boolean[] build(Instance instance, Eligibility eligibility, HardRuleLedger ledger, List<Integer> pins,
                           Set<Integer> previousPairs) {
        boolean[] chosen = new boolean[eligibility.size];
        long[] load = new long[instance.clinicianCount()];
        for (int p : pins) {
            chosen[p] = true;
            load[eligibility.clinician[p]] += instance.normalisedMinutes(eligibility.activity[p], eligibility.clinician[p]);
        }
        previousPairs.stream().sorted().forEach(p -> {
            if (!chosen[p] && ledger.hasFreeSeat(eligibility.activity[p]) && ledger.check(p) == null) {
                take(instance, eligibility, ledger, chosen, load, p);
            }
        });

        Weights weights = instance.options.weights();
        Integer[] order = IntStream.range(0, instance.activityCount()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator
                .comparingDouble((Integer a) -> eligibility.byActivity[a].length / (double) instance.required[a])
                .thenComparingInt(a -> a));
        for (int a : order) {
            while (ledger.hasFreeSeat(a)) {
                int best = -1;
                long bestCost = Long.MAX_VALUE;
                long bestLoad = Long.MAX_VALUE;
                for (int p : eligibility.byActivity[a]) {
                    if (chosen[p] || ledger.check(p) != null) {
                        continue;
                    }
                    int c = eligibility.clinician[p];
                    long cost = marginalCost(instance, eligibility, weights, previousPairs, p);
                    if (cost < bestCost || (cost == bestCost && load[c] < bestLoad)) {
                        best = p;
                        bestCost = cost;
                        bestLoad = load[c];
                    }
                }
                if (best < 0) {
                    break;
                }
                take(instance, eligibility, ledger, chosen, load, best);
            }
        }
        int before = unfilledSeats(instance, ledger);
        if (before > 0) {
            new SeatRepair(instance, eligibility, ledger, chosen, Set.copyOf(pins)).repair(order);
        }
        if (Boolean.getBoolean("rota.solver.trace")) {
            System.err.printf("greedy: %d unfilled seats before repair, %d after%n", before,
                    unfilledSeats(instance, ledger));
        }
        return chosen;
    }

    private static int unfilledSeats(Instance instance, HardRuleLedger ledger) {
        int unfilled = 0;
        for (int a = 0; a < instance.activityCount(); a++) {
            unfilled += instance.required[a] - ledger.seatsTaken(a);
        }
        return unfilled;
    }

    private static long marginalCost(Instance instance, Eligibility eligibility, Weights weights,
                                     Set<Integer> previousPairs, int p) {
        int a = eligibility.activity[p];
        int c = eligibility.clinician[p];
        long cost = 0;
        if (previousPairs.contains(p)) {
            cost -= weights.change();
        }
        if (eligibility.isQualifiedInsteadOfExpert(p)) {
            cost += weights.qualifiedInsteadOfExpert();
        }
        if (instance.prefers(c, a, PreferenceKind.UNDESIRED)) {
            cost += weights.undesiredDay();
        }
        if (instance.prefers(c, a, PreferenceKind.DESIRED)) {
            cost -= weights.desiredDay();
        }
        return cost;
    }

    private static void take(Instance instance, Eligibility eligibility, HardRuleLedger ledger, boolean[] chosen,
                             long[] load, int p) {
        chosen[p] = true;
        ledger.take(p);
        load[eligibility.clinician[p]] += instance.normalisedMinutes(eligibility.activity[p], eligibility.clinician[p]);
    }
}
