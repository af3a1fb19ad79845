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
        repairUnfilledSeats(instance, eligibility, ledger, chosen, load, Set.copyOf(pins), order);
        return chosen;
    }

    /**
     * Fills seats the first pass left empty by moving one assignment: a clinician who could take the seat but for one
     * of their assignments in the same week gives that assignment to another clinician who fits it. Pins never move.
     */
    private static void repairUnfilledSeats(Instance instance, Eligibility eligibility, HardRuleLedger ledger,
                                            boolean[] chosen, long[] load, Set<Integer> pins, Integer[] order) {
        List<List<Integer>> chosenByClinician = new java.util.ArrayList<>();
        for (int c = 0; c < instance.clinicianCount(); c++) {
            chosenByClinician.add(new java.util.ArrayList<>());
        }
        for (int p = 0; p < eligibility.size; p++) {
            if (chosen[p]) {
                chosenByClinician.get(eligibility.clinician[p]).add(p);
            }
        }
        for (int a : order) {
            candidates:
            for (int p : eligibility.byActivity[a]) {
                if (!ledger.hasFreeSeat(a)) {
                    break;
                }
                if (chosen[p]) {
                    continue;
                }
                int c = eligibility.clinician[p];
                for (int q : List.copyOf(chosenByClinician.get(c))) {
                    int b = eligibility.activity[q];
                    if (pins.contains(q) || instance.week[b] != instance.week[a]) {
                        continue;
                    }
                    ledger.release(q);
                    if (ledger.check(p) == null) {
                        ledger.take(p);
                        int replacement = -1;
                        for (int r : eligibility.byActivity[b]) {
                            if (!chosen[r] && eligibility.clinician[r] != c && ledger.check(r) == null) {
                                replacement = r;
                                break;
                            }
                        }
                        if (replacement >= 0) {
                            chosen[q] = false;
                            load[c] -= instance.normalisedMinutes(b, c);
                            chosenByClinician.get(c).remove(Integer.valueOf(q));
                            chosen[p] = true;
                            load[c] += instance.normalisedMinutes(a, c);
                            chosenByClinician.get(c).add(p);
                            take(instance, eligibility, ledger, chosen, load, replacement);
                            chosenByClinician.get(eligibility.clinician[replacement]).add(replacement);
                            continue candidates;
                        }
                        ledger.release(p);
                    }
                    ledger.take(q);
                }
            }
        }
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
