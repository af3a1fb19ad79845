package org.rota.solver.solver;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpModelProto;
import java.util.function.ToLongFunction;

/**
 * Improves an allocation of a multi-week window one ISO week at a time: a copy of the full model in which every pair
 * outside the week keeps its current value, solved by CP-SAT from the current allocation. The fixed weeks still count
 * in the fairness term (the coupling between the weeks) and in the working-time rules across a week boundary, so any
 * solution of the copy is a solution of the full model. On the 80,000-pair target window one CP-SAT neighbourhood of
 * the whole model took 3–5 s of wall time to set up on a busy core; a week's copy presolves to a quarter of that size.
 * Each accepted step lowers the objective (priced by {@link ObjectiveEvaluator}), so the result is never worse.
 */
final class WeekNeighbourhoods {

    /** A week's copy is not worth building with less time than this left. */
    static final double MIN_SLICE_SECONDS = 0.5;

    private final AllocationModel full;
    private final Instance instance;
    private final Eligibility eligibility;
    private final SolverOptions options;
    private final ToLongFunction<boolean[]> price;
    private final CpSatRun.FirstSolution firstSolution;
    private final SearchSettings settings;
    private final int workers;
    private final boolean deterministic;

    WeekNeighbourhoods(AllocationModel full, Instance instance, Eligibility eligibility, SolverOptions options,
                       int workers, ToLongFunction<boolean[]> price, CpSatRun.FirstSolution firstSolution, SearchSettings settings,
                       boolean deterministic) {
        this.settings = settings;
        this.workers = workers;
        this.full = full;
        this.instance = instance;
        this.eligibility = eligibility;
        this.options = options;
        this.price = price;
        this.firstSolution = firstSolution;
        this.deterministic = deterministic;
    }

    /** What the week-by-week search did: the allocation (improved in place), and how. */
    record Outcome(int steps, int improving, long before, long after) {
    }

    /**
     * Visits the weeks in turn, each with an equal share of the time left until {@code deadlineNanos}, for at most
     * {@code rounds} passes; stops early after a pass that improved nothing. A reproducible solve shares
     * {@code seconds} out in advance instead (in deterministic time): the wall clock must not decide anything.
     */
    Outcome improve(boolean[] chosen, double seconds, long deadlineNanos, int rounds) {
        long before = price.applyAsLong(chosen);
        long current = before;
        int steps = 0;
        int improving = 0;
        int weeks = instance.weekCount;
        for (int round = 0; round < rounds; round++) {
            boolean improved = false;
            for (int w = 0; w < weeks; w++) {
                int slicesLeft = (rounds - round) * weeks - w;
                double left = deterministic ? seconds * slicesLeft / (rounds * weeks)
                        : (deadlineNanos - System.nanoTime()) / 1e9;
                double slice = left / slicesLeft;
                if (left < MIN_SLICE_SECONDS) {
                    return new Outcome(steps, improving, before, current);
                }
                slice = Math.max(MIN_SLICE_SECONDS, slice);
                CpSatRun.Result result = solveWeek(w, chosen, slice);
                steps++;
                if (result.chosen() == null) {
                    continue;
                }
                long priced = price.applyAsLong(result.chosen());
                if (Boolean.getBoolean(AllocationSolver.TRACE_PROPERTY)) {
                    System.err.printf("week %d (round %d, %.1f s): %s, %d -> %d%n", w, round, slice, result.status(),
                            current, priced);
                }
                if (priced < current) {
                    System.arraycopy(result.chosen(), 0, chosen, 0, chosen.length);
                    current = priced;
                    improving++;
                    improved = true;
                }
            }
            if (!improved) {
                break;
            }
        }
        return new Outcome(steps, improving, before, current);
    }

    private CpSatRun.Result solveWeek(int week, boolean[] chosen, double seconds) {
        full.model.clearHints();
        full.hint(chosen);
        CpModel copy = full.model.getClone();
        CpModelProto.Builder proto = copy.getBuilder();
        for (int p = 0; p < eligibility.size; p++) {
            if (instance.week[eligibility.activity[p]] != week) {
                int value = chosen[p] ? 1 : 0;
                proto.getVariablesBuilder(full.x[p].getIndex()).clearDomain().addDomain(value).addDomain(value);
            }
        }
        return new CpSatRun(copy, full.x, options, workers,
                new CpSatRun.Budget(seconds, deterministic), firstSolution, settings).solve();
    }
}
