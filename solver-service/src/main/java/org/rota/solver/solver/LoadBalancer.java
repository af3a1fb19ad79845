package org.rota.solver.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Local search on the fairness term, for warm starts. CP-SAT's random neighbourhoods seldom contain the few clinicians
 * that set the spread, so the hint's spread tends to survive the whole search. This moves single assignments from the
 * most loaded clinicians to others, accepting a move when it lowers the objective, or keeps it equal while lowering the
 * sum of squared loads (which walks across the plateaus where several clinicians share the maximum). Every move passes
 * the hard-rule ledger, so the allocation stays feasible; pins never move.
 */
final class LoadBalancer {

    private static final System.Logger LOG = System.getLogger(LoadBalancer.class.getName());

    /** How many of the most loaded clinicians are tried as sources in each round. */
    private static final int SOURCES_PER_ROUND = 12;

    private final Instance instance;
    private final Eligibility eligibility;
    private final Weights weights;
    private final Set<Integer> pins;
    private final Set<Integer> previousPairs;
    private final boolean[] chosen;
    private final HardRuleLedger ledger;
    private final long[] load;
    private final boolean[] counted;
    /** Loads of the clinicians in the fairness term, as a multiset. */
    private final TreeMap<Long, Integer> loads = new TreeMap<>();
    private final List<List<Integer>> chosenByClinician = new ArrayList<>();

    private LoadBalancer(Instance instance, Eligibility eligibility, boolean[] chosen, Set<Integer> pins,
                         Set<Integer> previousPairs) {
        this.instance = instance;
        this.eligibility = eligibility;
        this.weights = instance.options.weights();
        this.pins = pins;
        this.previousPairs = previousPairs;
        this.chosen = chosen;
        this.ledger = new HardRuleLedger(instance, eligibility);
        this.load = new long[instance.clinicianCount()];
        this.counted = new boolean[instance.clinicianCount()];
        for (int c = 0; c < instance.clinicianCount(); c++) {
            chosenByClinician.add(new ArrayList<>());
            counted[c] = eligibility.clinicianHasAnyPair(c);
        }
        for (int p = 0; p < eligibility.size; p++) {
            if (chosen[p]) {
                ledger.take(p);
                int c = eligibility.clinician[p];
                load[c] += instance.normalisedMinutes(eligibility.activity[p], c);
                chosenByClinician.get(c).add(p);
            }
        }
        for (int c = 0; c < load.length; c++) {
            if (counted[c]) {
                loads.merge(load[c], 1, Integer::sum);
            }
        }
    }

    /** Improves {@code chosen} in place until no move helps or the deadline passes. */
    static void balance(Instance instance, Eligibility eligibility, boolean[] chosen, Set<Integer> pins,
                        Set<Integer> previousPairs, long deadlineNanos) {
        if (instance.options.weights().fairness() == 0) {
            return;
        }
        LoadBalancer balancer = new LoadBalancer(instance, eligibility, chosen, pins, previousPairs);
        if (balancer.loads.size() < 2) {
            return;
        }
        long started = System.nanoTime();
        long spreadBefore = balancer.spreadHours();
        int rounds = 0;
        while (System.nanoTime() < deadlineNanos && balancer.round()) {
            rounds++;
        }
        LOG.log(System.Logger.Level.DEBUG, "load balancing: {0} rounds in {1} ms, spread {2} h -> {3} h{4}", rounds,
                (System.nanoTime() - started) / 1_000_000, spreadBefore, balancer.spreadHours(),
                System.nanoTime() >= deadlineNanos ? " (deadline)" : "");
        if (Boolean.getBoolean("rota.solver.trace")) {
            System.err.printf("load balancing: %d rounds in %d ms, spread %d h -> %d h%n", rounds,
                    (System.nanoTime() - started) / 1_000_000, spreadBefore, balancer.spreadHours());
        }
    }

    /** One round: for each of the most loaded clinicians, the best acceptable move of one of their assignments. */
    private boolean round() {
        Integer[] sources = new Integer[load.length];
        for (int c = 0; c < sources.length; c++) {
            sources[c] = c;
        }
        Arrays.sort(sources, Comparator.comparingLong((Integer c) -> -load[c]).thenComparingInt(c -> c));
        boolean moved = false;
        int tried = 0;
        for (int c : sources) {
            if (!counted[c] || tried++ >= SOURCES_PER_ROUND) {
                break;
            }
            moved |= moveOneFrom(c);
        }
        tried = 0;
        for (int i = sources.length - 1; i >= 0 && tried < SOURCES_PER_ROUND; i--) {
            if (counted[sources[i]]) {
                tried++;
                moved |= moveOneTo(sources[i]);
            }
        }
        return moved;
    }

    /** The best acceptable move of some assignment of a more loaded clinician to the lightly loaded clinician d. */
    private boolean moveOneTo(int d) {
        Move best = null;
        for (int r : eligibility.byClinician[d]) {
            if (chosen[r]) {
                continue;
            }
            int b = eligibility.activity[r];
            for (int q : eligibility.byActivity[b]) {
                if (chosen[q] && !pins.contains(q)) {
                    best = better(best, evaluate(q, r));
                }
            }
        }
        if (best == null) {
            return false;
        }
        apply(best.from, best.to);
        return true;
    }

    private record Move(int from, int to, long delta, double squares) {
    }

    private static Move better(Move current, Move candidate) {
        if (candidate == null) {
            return current;
        }
        if (current == null || candidate.delta < current.delta
                || (candidate.delta == current.delta && candidate.squares < current.squares)) {
            return candidate;
        }
        return current;
    }

    /** Moving assignment q to pair r of the same activity: an acceptable move, or null. */
    private Move evaluate(int q, int r) {
        int b = eligibility.activity[q];
        int c = eligibility.clinician[q];
        int d = eligibility.clinician[r];
        long before = instance.normalisedMinutes(b, c);
        long after = instance.normalisedMinutes(b, d);
        if (load[d] + after >= load[c]) {
            return null;
        }
        ledger.release(q);
        boolean fits = ledger.check(r) == null;
        ledger.take(q);
        if (!fits) {
            return null;
        }
        long delta = pairCost(r) - pairCost(q)
                + weights.fairness() * (spreadHoursAfter(c, -before, d, after) - spreadHours());
        double squares = square(load[c] - before) - square(load[c]) + square(load[d] + after) - square(load[d]);
        return delta < 0 || (delta == 0 && squares < 0) ? new Move(q, r, delta, squares) : null;
    }

    private boolean moveOneFrom(int c) {
        int bestFrom = -1;
        int bestTo = -1;
        long bestDelta = 0;
        double bestSquares = 0;
        for (int q : chosenByClinician.get(c)) {
            if (pins.contains(q)) {
                continue;
            }
            int b = eligibility.activity[q];
            ledger.release(q);
            for (int r : eligibility.byActivity[b]) {
                int d = eligibility.clinician[r];
                if (chosen[r] || d == c || ledger.check(r) != null) {
                    continue;
                }
                long before = instance.normalisedMinutes(b, c);
                long after = instance.normalisedMinutes(b, d);
                if (load[d] + after >= load[c]) {
                    continue;
                }
                long delta = pairCost(r) - pairCost(q) + weights.fairness() * (spreadHoursAfter(c, -before, d, after)
                        - spreadHours());
                double squares = square(load[c] - before) - square(load[c]) + square(load[d] + after) - square(load[d]);
                boolean acceptable = delta < 0 || (delta == 0 && squares < 0);
                if (acceptable && (bestFrom < 0 || delta < bestDelta || (delta == bestDelta && squares < bestSquares))) {
                    bestFrom = q;
                    bestTo = r;
                    bestDelta = delta;
                    bestSquares = squares;
                }
            }
            ledger.take(q);
        }
        if (bestFrom < 0) {
            return false;
        }
        apply(bestFrom, bestTo);
        return true;
    }

    private void apply(int from, int to) {
        int c = eligibility.clinician[from];
        int d = eligibility.clinician[to];
        int b = eligibility.activity[from];
        ledger.release(from);
        ledger.take(to);
        chosen[from] = false;
        chosen[to] = true;
        chosenByClinician.get(c).remove(Integer.valueOf(from));
        chosenByClinician.get(d).add(to);
        changeLoad(c, -instance.normalisedMinutes(b, c));
        changeLoad(d, instance.normalisedMinutes(b, d));
    }

    private void changeLoad(int c, long amount) {
        if (counted[c]) {
            loads.merge(load[c], -1, Integer::sum);
            loads.remove(load[c], 0);
            loads.merge(load[c] + amount, 1, Integer::sum);
        }
        load[c] += amount;
    }

    private long spreadHours() {
        return (loads.lastKey() - loads.firstKey() + 59) / 60;
    }

    /** The spread if c's load changed by dc and d's by dd, without changing the multiset. */
    private long spreadHoursAfter(int c, long dc, int d, long dd) {
        changeLoad(c, dc);
        changeLoad(d, dd);
        long spread = spreadHours();
        changeLoad(d, -dd);
        changeLoad(c, -dc);
        return spread;
    }

    /** The pair's own share of the objective, fairness aside. */
    private long pairCost(int p) {
        int a = eligibility.activity[p];
        int c = eligibility.clinician[p];
        long cost = 0;
        if (eligibility.isQualifiedInsteadOfExpert(p)) {
            cost += weights.qualifiedInsteadOfExpert();
        }
        if (instance.prefers(c, a, PreferenceKind.UNDESIRED)) {
            cost += weights.undesiredDay();
        }
        if (instance.prefers(c, a, PreferenceKind.DESIRED)) {
            cost -= weights.desiredDay();
        }
        if (previousPairs.contains(p)) {
            cost -= weights.change();
        }
        return cost;
    }

    private static double square(long value) {
        return (double) value * value;
    }
}
