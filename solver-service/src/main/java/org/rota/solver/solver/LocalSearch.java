package org.rota.solver.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Local search that improves a warm start before CP-SAT sees it. CP-SAT's random neighbourhoods seldom contain the few
 * clinicians whose loads set the fairness term, so a hint's imbalance tends to survive the whole search; and on a busy
 * machine the warm start may be all there is. Two kinds of moves:
 * <ul>
 *   <li>balancing: one assignment moves from one of the most loaded clinicians to another, or to one of the least
 *   loaded from anyone, when that lowers the objective or keeps it while lowering the sum of squared loads (which walks
 *   across the plateaus the rounding of the term leaves);</li>
 *   <li>cheaper holder: a costly assignment (QUALIFIED where an EXPERT can serve, an undesired day) goes to a cheaper
 *   clinician, directly or after that clinician hands one assignment of the same week on to a third (or swaps it),
 *   when the objective drops.</li>
 * </ul>
 * Every move passes the hard-rule ledger (working time, seats, supervision), so the allocation stays feasible, and its
 * price includes the seats it may leave empty; pins never move.
 */
final class LocalSearch {

    private static final System.Logger LOG = System.getLogger(LocalSearch.class.getName());

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
    private final Fairness fairnessTerm;
    /** Σ of the counted clinicians' {@link Fairness#scaledTerm}s for the current loads, kept up to date move by move. */
    private long scaledFairness;
    private final List<List<Integer>> chosenByClinician = new ArrayList<>();
    private final long deadlineNanos;
    private int cheaperMoves;

    private LocalSearch(Instance instance, Eligibility eligibility, boolean[] chosen, Set<Integer> pins,
                        Set<Integer> previousPairs, long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
        this.instance = instance;
        this.eligibility = eligibility;
        this.weights = instance.options.weights();
        this.pins = pins;
        this.previousPairs = previousPairs;
        this.chosen = chosen;
        this.ledger = new HardRuleLedger(instance, eligibility);
        this.load = new long[instance.clinicianCount()];
        this.fairnessTerm = eligibility.fairness;
        for (int c = 0; c < instance.clinicianCount(); c++) {
            chosenByClinician.add(new ArrayList<>());
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
            if (fairnessTerm.counts(c)) {
                scaledFairness += fairnessTerm.scaledTerm(load[c]);
            }
        }
    }

    /** Improves {@code chosen} in place until no move helps or the deadline passes. */
    static void improve(Instance instance, Eligibility eligibility, boolean[] chosen, Set<Integer> pins,
                        Set<Integer> previousPairs, long deadlineNanos) {
        LocalSearch search = new LocalSearch(instance, eligibility, chosen, pins, previousPairs, deadlineNanos);
        long started = System.nanoTime();
        long fairnessBefore = search.fairness();
        int rounds = 0;
        boolean balancing = search.weights.fairness() > 0 && search.fairnessTerm.counted >= 2;
        while (System.nanoTime() < deadlineNanos) {
            // balancing first: its moves are cheap to find, and the spread is what CP-SAT itself hardly improves
            boolean moved = balancing && search.round();
            moved |= search.cheaperHolderRound();
            if (!moved) {
                break;
            }
            rounds++;
        }
        String summary = "local search: %d rounds in %d ms, fairness %d h² -> %d h², %d cheaper holders%s".formatted(
                rounds, (System.nanoTime() - started) / 1_000_000, fairnessBefore, search.fairness(), search.cheaperMoves,
                System.nanoTime() >= deadlineNanos ? " (deadline)" : "");
        LOG.log(System.Logger.Level.DEBUG, summary);
        if (Boolean.getBoolean("rota.solver.trace")) {
            System.err.println(summary);
        }
    }

    /** For each costly assignment, the best objective-lowering move to a cheaper holder, if any. */
    private boolean cheaperHolderRound() {
        boolean moved = false;
        for (int q = 0; q < eligibility.size && System.nanoTime() < deadlineNanos; q++) {
            if (!chosen[q] || pins.contains(q)) {
                continue;
            }
            long costOfQ = pairCost(q);
            int b = eligibility.activity[q];
            Move best = null;
            for (int r : eligibility.byActivity[b]) {
                if (chosen[r] || pairCost(r) >= costOfQ) {
                    continue;
                }
                best = better(best, improving(evaluate(q, r, -1, -1)));
                int d = eligibility.clinician[r];
                long saving = costOfQ - pairCost(r);
                for (int q2 : List.copyOf(chosenByClinician.get(d))) {
                    int b2 = eligibility.activity[q2];
                    if (pins.contains(q2) || instance.week[b2] != instance.week[b] || !fitsAfterReleasing(r, q, q2)) {
                        continue;
                    }
                    for (int r2 : eligibility.byActivity[b2]) {
                        if (!chosen[r2] && eligibility.clinician[r2] != d && pairCost(r2) - pairCost(q2) < saving) {
                            best = better(best, improving(evaluate(q, r, q2, r2)));
                        }
                    }
                }
            }
            if (best != null) {
                apply(best);
                cheaperMoves++;
                moved = true;
            }
        }
        return moved;
    }

    private boolean fitsAfterReleasing(int r, int q, int q2) {
        ledger.release(q);
        ledger.release(q2);
        boolean fits = ledger.fits(r);
        ledger.take(q2);
        ledger.take(q);
        return fits;
    }

    /** One balancing round: a move from each of the most loaded clinicians, a move to each of the least loaded. */
    private boolean round() {
        Integer[] byLoad = new Integer[load.length];
        for (int c = 0; c < byLoad.length; c++) {
            byLoad[c] = c;
        }
        Arrays.sort(byLoad, Comparator.comparingLong((Integer c) -> -load[c]).thenComparingInt(c -> c));
        boolean moved = false;
        int tried = 0;
        for (int i = 0; i < byLoad.length && tried < SOURCES_PER_ROUND; i++) {
            if (fairnessTerm.counts(byLoad[i])) {
                tried++;
                moved |= balanceFrom(byLoad[i]);
            }
        }
        tried = 0;
        for (int i = byLoad.length - 1; i >= 0 && tried < SOURCES_PER_ROUND; i--) {
            if (fairnessTerm.counts(byLoad[i])) {
                tried++;
                moved |= balanceTo(byLoad[i]);
            }
        }
        return moved;
    }

    /** The best balancing move of one of c's assignments to a less loaded clinician. */
    private boolean balanceFrom(int c) {
        Move best = null;
        for (int q : chosenByClinician.get(c)) {
            if (pins.contains(q)) {
                continue;
            }
            for (int r : eligibility.byActivity[eligibility.activity[q]]) {
                if (!chosen[r] && eligibility.clinician[r] != c) {
                    best = better(best, balancing(evaluate(q, r, -1, -1)));
                }
            }
        }
        return applyIfAny(best);
    }

    /** The best balancing move of some assignment of a more loaded clinician to the lightly loaded clinician d. */
    private boolean balanceTo(int d) {
        Move best = null;
        for (int r : eligibility.byClinician[d]) {
            if (chosen[r]) {
                continue;
            }
            for (int q : eligibility.byActivity[eligibility.activity[r]]) {
                if (chosen[q] && !pins.contains(q)) {
                    best = better(best, balancing(evaluate(q, r, -1, -1)));
                }
            }
        }
        return applyIfAny(best);
    }

    /** A move that gives an activity from q to r and, if q2 is not -1, another from q2 to r2 (r's clinician is q2's). */
    private record Move(int q, int r, int q2, int r2, long delta, double squares, boolean towardsLessLoaded) {
    }

    private static Move improving(Move move) {
        return move != null && move.delta < 0 ? move : null;
    }

    /** A balancing move must go to a less loaded clinician and lower the objective or, at equal cost, the squares. */
    private static Move balancing(Move move) {
        return move != null && move.towardsLessLoaded && (move.delta < 0 || (move.delta == 0 && move.squares < 0))
                ? move : null;
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

    /**
     * Prices a move without making it: null when it breaks a hard rule. Only cheaper-holder moves with a negative delta
     * are taken as they are; balancing moves are filtered further by {@link #balancing(Move)}.
     */
    private Move evaluate(int q, int r, int q2, int r2) {
        int b = eligibility.activity[q];
        int b2 = q2 >= 0 ? eligibility.activity[q2] : -1;
        // the activities' empty seats can change too: a holder of another kind may leave a seat of its group empty
        long seatsBefore = ledger.emptyCost(b) + (b2 >= 0 ? ledger.emptyCost(b2) : 0);
        long seatsAfter = 0;
        ledger.release(q);
        if (q2 >= 0) {
            ledger.release(q2);
        }
        boolean fits = ledger.fits(r);
        if (fits) {
            ledger.take(r);
            if (q2 >= 0) {
                fits = ledger.fits(r2);
                if (fits) {
                    ledger.take(r2);
                    seatsAfter = ledger.emptyCost(b2);
                    ledger.release(r2);
                }
            }
            seatsAfter += ledger.emptyCost(b);
            ledger.release(r);
        }
        if (q2 >= 0) {
            ledger.take(q2);
        }
        ledger.take(q);
        if (!fits) {
            return null;
        }
        long[] change = loadChanges(q, r, q2, r2);
        long delta = seatsAfter - seatsBefore + pairCost(r) - pairCost(q)
                + (q2 >= 0 ? pairCost(r2) - pairCost(q2) : 0);
        double squares = 0;
        long fairnessBefore = fairness();
        for (int i = 0; i < change.length; i += 2) {
            int clinician = (int) change[i];
            squares += square(load[clinician] + change[i + 1]) - square(load[clinician]);
            changeLoad(clinician, change[i + 1]);
        }
        delta += weights.fairness() * (fairness() - fairnessBefore);
        for (int i = change.length - 2; i >= 0; i -= 2) {
            changeLoad((int) change[i], -change[i + 1]);
        }
        int c = eligibility.clinician[q];
        int d = eligibility.clinician[r];
        boolean towardsLessLoaded = load[d] + instance.normalisedMinutes(b, d) < load[c];
        return new Move(q, r, q2, r2, delta, squares, towardsLessLoaded);
    }

    /** (clinician, load change) pairs of a move, flattened. */
    private long[] loadChanges(int q, int r, int q2, int r2) {
        long[] change = new long[q2 >= 0 ? 8 : 4];
        change[0] = eligibility.clinician[q];
        change[1] = -instance.normalisedMinutes(eligibility.activity[q], eligibility.clinician[q]);
        change[2] = eligibility.clinician[r];
        change[3] = instance.normalisedMinutes(eligibility.activity[r], eligibility.clinician[r]);
        if (q2 >= 0) {
            change[4] = eligibility.clinician[q2];
            change[5] = -instance.normalisedMinutes(eligibility.activity[q2], eligibility.clinician[q2]);
            change[6] = eligibility.clinician[r2];
            change[7] = instance.normalisedMinutes(eligibility.activity[r2], eligibility.clinician[r2]);
        }
        return change;
    }

    private boolean applyIfAny(Move move) {
        if (move == null) {
            return false;
        }
        apply(move);
        return true;
    }

    private void apply(Move move) {
        release(move.q);
        if (move.q2 >= 0) {
            release(move.q2);
        }
        take(move.r);
        if (move.q2 >= 0) {
            take(move.r2);
        }
    }

    private void take(int p) {
        int c = eligibility.clinician[p];
        ledger.take(p);
        chosen[p] = true;
        chosenByClinician.get(c).add(p);
        changeLoad(c, instance.normalisedMinutes(eligibility.activity[p], c));
    }

    private void release(int p) {
        int c = eligibility.clinician[p];
        ledger.release(p);
        chosen[p] = false;
        chosenByClinician.get(c).remove(Integer.valueOf(p));
        changeLoad(c, -instance.normalisedMinutes(eligibility.activity[p], c));
    }

    private void changeLoad(int c, long amount) {
        if (fairnessTerm.counts(c)) {
            scaledFairness += fairnessTerm.scaledTerm(load[c] + amount) - fairnessTerm.scaledTerm(load[c]);
        }
        load[c] += amount;
    }

    /** The fairness term's count for the current loads ({@link Fairness}). */
    private long fairness() {
        return weights.fairness() == 0 ? 0 : fairnessTerm.squaredHours(scaledFairness);
    }

    /** The pair's own share of the objective, fairness aside. */
    private long pairCost(int p) {
        long cost = eligibility.preferenceCost(p);
        if (eligibility.isQualifiedInsteadOfExpert(p)) {
            cost += weights.qualifiedInsteadOfExpert();
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
