package org.rota.solver.solver;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fills seats the greedy pass left empty along augmenting paths: a clinician who could take the seat but for one of
 * their assignments in the same week hands that assignment on to someone else, who may in turn hand one on, up to
 * {@link #MAX_DEPTH} moves. A work budget per seat keeps it fast on large problems. Pins never move.
 */
final class SeatRepair {

    private static final int MAX_DEPTH = 3;
    private static final int CHECKS_PER_SEAT = 200_000;

    private final Instance instance;
    private final Eligibility eligibility;
    private final HardRuleLedger ledger;
    private final boolean[] chosen;
    private final Set<Integer> pins;
    private final List<List<Integer>> chosenByClinician = new ArrayList<>();
    /** Assignments released on the current path, which must not come straight back. */
    private final Set<Integer> released = new HashSet<>();
    private final Set<Integer> activitiesOnPath = new HashSet<>();
    private int budget;

    SeatRepair(Instance instance, Eligibility eligibility, HardRuleLedger ledger, boolean[] chosen, Set<Integer> pins) {
        this.instance = instance;
        this.eligibility = eligibility;
        this.ledger = ledger;
        this.chosen = chosen;
        this.pins = pins;
        for (int c = 0; c < instance.clinicianCount(); c++) {
            chosenByClinician.add(new ArrayList<>());
        }
        for (int p = 0; p < eligibility.size; p++) {
            if (chosen[p]) {
                chosenByClinician.get(eligibility.clinician[p]).add(p);
            }
        }
    }

    void repair(Integer[] order) {
        for (int a : order) {
            while (ledger.hasFreeSeat(a)) {
                budget = CHECKS_PER_SEAT;
                if (!fill(a, MAX_DEPTH, ledger.emptyCost(a))) {
                    break;
                }
            }
        }
    }

    /**
     * Takes a free seat of activity a, moving up to {@code depth} assignments out of the way, such that a's empty-seat
     * cost ends at most {@code target}: at the top its current cost (any new holder fills a seat), for an activity
     * that handed a holder on its cost before (the seat must be refilled in kind, e.g. an expert's by a supervisor and
     * not by a trainee); false if it cannot.
     */
    private boolean fill(int a, int depth, long target) {
        for (int p : eligibility.byActivity[a]) {
            if (--budget < 0) {
                return false;
            }
            if (!chosen[p] && !released.contains(p) && ledger.fits(p)) {
                take(p);
                if (ledger.emptyCost(a) <= target) {
                    return true;
                }
                release(p);
            }
        }
        if (depth == 0) {
            return false;
        }
        activitiesOnPath.add(a);
        try {
            for (int p : eligibility.byActivity[a]) {
                if (chosen[p] || released.contains(p)) {
                    continue;
                }
                int c = eligibility.clinician[p];
                for (int q : List.copyOf(chosenByClinician.get(c))) {
                    int b = eligibility.activity[q];
                    if (budget < 0) {
                        return false;
                    }
                    if (pins.contains(q) || instance.week[b] != instance.week[a] || activitiesOnPath.contains(b)) {
                        continue;
                    }
                    long costOfB = ledger.emptyCost(b);
                    release(q);
                    budget--;
                    if (ledger.fits(p)) {
                        take(p);
                        released.add(q);
                        boolean handedOn = ledger.emptyCost(a) <= target && fill(b, depth - 1, costOfB);
                        released.remove(q);
                        if (handedOn) {
                            return true;
                        }
                        release(p);
                    }
                    take(q);
                }
            }
            return false;
        } finally {
            activitiesOnPath.remove(a);
        }
    }

    private void take(int p) {
        chosen[p] = true;
        ledger.take(p);
        chosenByClinician.get(eligibility.clinician[p]).add(p);
    }

    private void release(int p) {
        chosen[p] = false;
        ledger.release(p);
        chosenByClinician.get(eligibility.clinician[p]).remove(Integer.valueOf(p));
    }
}
