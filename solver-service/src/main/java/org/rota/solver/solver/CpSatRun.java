package org.rota.solver.solver;

import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.protobuf.TextFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** One CP-SAT run of a model with our parameters. */
final class CpSatRun {

    /** Outcome of a run: {@code chosen} is null when CP-SAT found no solution. */
    record Result(SolveStatus status, boolean[] chosen, Long bound) {
    }

    private final AllocationModel model;
    private final CpSolver solver = new CpSolver();
    private final FirstSolution firstSolution;

    CpSatRun(AllocationModel model, SolverOptions options, int workers, double seconds, FirstSolution firstSolution) {
        this.model = model;
        this.firstSolution = firstSolution;
        solver.getParameters()
                .setMaxTimeInSeconds(seconds)
                .setNumWorkers(workers)
                .setRandomSeed(options.seed())
                // The greedy hint is complete and feasible, but CP-SAT only reports it once presolve is done: repeated
                // probing and symmetry detection took ~6 s on the 80k-variable target instance, a single light pass 1 s.
                .setCpModelProbingLevel(0)
                .setSymmetryLevel(1)
                .setMaxPresolveIterations(1)
                // solve the root LP with all constraints at once, to its optimum: the bound comes in one step instead
                // of creeping up over many 2,000-iteration slices
                .setAddLpConstraintsLazily(false)
                .setRootLpIterations(100_000);
        if (Boolean.getBoolean(AllocationSolver.LOG_SEARCH_PROPERTY)) {
            solver.getParameters().setLogSearchProgress(true).setLogToStdout(true);
        }
        String extra = System.getProperty(AllocationSolver.EXTRA_PARAMETERS_PROPERTY);
        if (extra != null && !extra.isBlank()) {
            try {
                TextFormat.merge(extra, solver.getParameters());
            } catch (TextFormat.ParseException e) {
                throw new IllegalArgumentException(AllocationSolver.EXTRA_PARAMETERS_PROPERTY + ": " + e.getMessage(), e);
            }
        }
    }

    Result solve() {
        CpSolverStatus cpStatus = solver.solve(model.model, new CpSolverSolutionCallback() {
            @Override
            public void onSolutionCallback() {
                firstSolution.record();
            }
        });
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
        boolean[] chosen = new boolean[model.x.length];
        for (int p = 0; p < chosen.length; p++) {
            chosen[p] = values.get(model.x[p].getIndex()) != 0;
        }
        // CP-SAT may carry a loose spread variable in a non-optimal solution; the evaluator prices the allocation itself
        return new Result(status, chosen, (long) Math.ceil(solver.bestObjectiveBound() - 1e-6));
    }

    /** When the first of the runs of one solve found a solution, measured from the start of the solve. */
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
