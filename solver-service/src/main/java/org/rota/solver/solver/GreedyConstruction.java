package org.rota.solver.solver;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A fast feasible allocation used as the solver's hint: pins first, then every previous assignment that still fits
 * (so a small change yields a small diff), then the remaining seats, scarcest activities first, each seat going to the
 * fitting clinician with the lowest marginal cost (the seat it fills, previous holder, EXPERT, day preferences) and then
 * the least normalised load; trainees join once their supervisors are in. It checks the same hard rules and seat rules
 * as the model, so its result is always feasible.
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
        // supervisors before trainees, so that a previous trainee finds their supervisor already back
        previousPairs.stream().sorted(Comparator.comparing((Integer p) -> eligibility.kind[p] == SeatPlan.TRAINEE)
                .thenComparingInt(p -> p)).forEach(p -> {
            if (!chosen[p] && ledger.fits(p)) {
                take(instance, eligibility, ledger, chosen, load, p);
            }
        });

        Weights weights = instance.options.weights();
        Fairness fairness = eligibility.fairness;
        // costs in units of 1/60n, the fairness term's own scale, so that its exact marginal price can join them
        long unit = Math.max(1, fairness.unit());
        long fairnessWeight = fairness.counted > 0 ? weights.fairness() : 0;
        Integer[] order = IntStream.range(0, instance.activityCount()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator
                .comparingDouble((Integer a) -> eligibility.byActivity[a].length / (double) instance.seats[a].seats())
                .thenComparingInt(a -> a));
        for (int a : order) {
            while (ledger.hasFreeSeat(a)) {
                int best = -1;
                long bestCost = Long.MAX_VALUE;
                long bestLoad = Long.MAX_VALUE;
                long emptyCost = ledger.emptyCost(a);
                for (int p : eligibility.byActivity[a]) {
                    if (chosen[p] || !ledger.fits(p)) {
                        continue;
                    }
                    int c = eligibility.clinician[p];
                    long cost = (marginalCost(eligibility, weights, previousPairs, p) - seatGain(ledger, emptyCost, p))
                            * unit;
                    if (fairnessWeight > 0 && fairness.counts(c)) {
                        long after = load[c] + instance.normalisedMinutes(a, c);
                        cost += fairnessWeight * (fairness.scaledTerm(after) - fairness.scaledTerm(load[c]));
                    }
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
            unfilled += ledger.emptySeats(a);
        }
        return unfilled;
    }

    /** How much the activity's empty-seat cost drops when p joins (an optional seat saves less than a required one). */
    private static long seatGain(HardRuleLedger ledger, long emptyCostBefore, int p) {
        int a = ledger.activityOf(p);
        ledger.take(p);
        long after = ledger.emptyCost(a);
        ledger.release(p);
        return emptyCostBefore - after;
    }

    private static long marginalCost(Eligibility eligibility, Weights weights, Set<Integer> previousPairs, int p) {
        long cost = eligibility.preferenceCost(p);
        if (previousPairs.contains(p)) {
            cost -= weights.change();
        }
        if (eligibility.isQualifiedInsteadOfExpert(p)) {
            cost += weights.qualifiedInsteadOfExpert();
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
