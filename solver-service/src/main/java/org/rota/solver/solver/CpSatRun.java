package org.rota.solver.solver;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.SatParameters;
import com.google.protobuf.TextFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** One CP-SAT run of a model with our parameters. */
final class CpSatRun {

    /** Outcome of a run: {@code chosen} is null when CP-SAT found no solution. */
    record Result(SolveStatus status, boolean[] chosen, Long bound) {
    }

    /** How long a run may take: wall-clock seconds, or CP-SAT's deterministic time when the solve must be reproducible. */
    record Budget(double seconds, boolean deterministic) {

        /** Deterministic-time units per wall second, roughly, on the development machine (for reproducible runs). */
        static final double DETERMINISTIC_UNITS_PER_SECOND = 0.3;
    }

    /** Runs at least this long (a first solve, a staged window) solve their root LP in one go. */
    static final double EAGER_LP_MIN_SECONDS = 5;

    /** Stops runs at the end of their wall-clock budget (one daemon thread for every solve of the process). */
    private static final ScheduledExecutorService STOPPER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "rota-solver-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private final CpModel model;
    private final Budget budget;
    private final BoolVar[] x;
    private final CpSolver solver = new CpSolver();
    private final FirstSolution firstSolution;

    CpSatRun(CpModel model, BoolVar[] x, SolverOptions options, int workers, Budget budget,
             FirstSolution firstSolution, SearchSettings settings) {
        this.model = model;
        this.budget = budget;
        this.x = x;
        this.firstSolution = firstSolution;
        SatParameters.Builder parameters = solver.getParameters();
        if (budget.deterministic()) {
            // the wall clock differs from run to run; deterministic time does not (with one worker and a seed)
            parameters.setMaxDeterministicTime(budget.seconds() * Budget.DETERMINISTIC_UNITS_PER_SECOND)
                    .setMaxTimeInSeconds(Math.max(60, budget.seconds() * 20));
        } else {
            parameters.setMaxTimeInSeconds(budget.seconds());
        }
        parameters.setNumWorkers(workers)
                .setRandomSeed(options.seed())
                // CP-SAT's own default is 10 GB: far above what the service may use
                .setMaxMemoryInMb(settings.maxMemoryMb())
                // The greedy hint is complete and feasible, but CP-SAT only reports it once presolve is done: repeated
                // probing and symmetry detection took ~6 s on the 80k-variable target instance, a single light pass 1 s.
                // Presolve (even one light pass) took most of a 1-s re-solve on a busy machine before CP-SAT even
                // reported the hint, and kept the target window's full LP from finishing in 30 s; the model is
                // built tight already (one at-most-one per clique, no redundant rows).
                .setCpModelPresolve(false)
                .setSymmetryLevel(0);
        if (budget.seconds() >= EAGER_LP_MIN_SECONDS) {
            // solve the root LP with all constraints at once, to its optimum: the bound comes in one step instead of
            // creeping up over many 2,000-iteration slices. Not in short runs: that LP does not stop for the time
            // limit, and made 1-s re-solves take 1.5 s.
            parameters.setAddLpConstraintsLazily(false).setRootLpIterations(100_000);
        }
        if (Boolean.getBoolean(AllocationSolver.LOG_SEARCH_PROPERTY)) {
            parameters.setLogSearchProgress(true).setLogToStdout(true);
        }
        String extra = System.getProperty(AllocationSolver.EXTRA_PARAMETERS_PROPERTY);
        if (extra != null && !extra.isBlank()) {
            try {
                TextFormat.merge(extra, parameters);
            } catch (TextFormat.ParseException e) {
                throw new IllegalArgumentException(AllocationSolver.EXTRA_PARAMETERS_PROPERTY + ": " + e.getMessage(), e);
            }
        }
    }

    Result solve() {
        // CP-SAT's own clock starts once it has loaded the model, and its root LP does not look at it: on a busy
        // machine a 1-s re-solve took 1.2–1.6 s. The wall-clock budget is enforced from here instead.
        ScheduledFuture<?> stop = budget.deterministic() ? null
                : STOPPER.schedule(solver::stopSearch, (long) (budget.seconds() * 1e9), TimeUnit.NANOSECONDS);
        CpSolverStatus cpStatus;
        try {
            cpStatus = solver.solve(model, new CpSolverSolutionCallback() {
                @Override
                public void onSolutionCallback() {
                    firstSolution.record();
                }
            });
        } finally {
            if (stop != null) {
                stop.cancel(false);
            }
        }
        SolveStatus status = switch (cpStatus) {
            case OPTIMAL -> SolveStatus.OPTIMAL;
            case FEASIBLE -> SolveStatus.FEASIBLE;
            case INFEASIBLE -> SolveStatus.INFEASIBLE;
            case MODEL_INVALID -> SolveStatus.MODEL_INVALID;
            default -> SolveStatus.UNKNOWN;
        };
        if (status != SolveStatus.OPTIMAL && status != SolveStatus.FEASIBLE) {
            return new Result(status, null, null);
        }
        List<Long> values = solver.response().getSolutionList();
        boolean[] chosen = new boolean[x.length];
        for (int p = 0; p < chosen.length; p++) {
            chosen[p] = values.get(x[p].getIndex()) != 0;
        }
        // CP-SAT may carry a loose spread variable in a non-optimal solution; the evaluator prices the allocation itself
        return new Result(status, chosen, (long) Math.ceil(solver.bestObjectiveBound() - 1e-6));
    }

    /** When the first complete allocation satisfying every hard rule was found, measured from the start of the solve. */
    static final class FirstSolution {
        private final long started;
        private final AtomicLong firstNanos = new AtomicLong(-1);

        FirstSolution(long started) {
            this.started = started;
        }

        void record() {
            firstNanos.compareAndSet(-1, System.nanoTime());
        }

        Long millis() {
            long nanos = firstNanos.get();
            return nanos < 0 ? null : (nanos - started) / 1_000_000;
        }
    }
}
