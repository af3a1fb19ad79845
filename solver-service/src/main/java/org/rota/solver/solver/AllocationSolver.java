package org.rota.solver.solver;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Solves one allocation problem with CP-SAT. Stateless and thread-safe: every call builds its own model, so the result
 * is a function of the problem and the options only (reproducible with one worker and a fixed seed, as long as the
 * time limit is not what stops the search).
 */
public final class AllocationSolver {

    private static final System.Logger LOG = System.getLogger(AllocationSolver.class.getName());

    static {
        Loader.loadNativeLibraries();
    }

    /** Diagnostics switch: {@code -Drota.solver.log-search-progress=true} prints CP-SAT's own search log. */
    public static final String LOG_SEARCH_PROPERTY = "rota.solver.log-search-progress";

    /** Tuning switch: CP-SAT parameters in text format, applied after ours, e.g. {@code "symmetry_level:0"}. */
    public static final String EXTRA_PARAMETERS_PROPERTY = "rota.solver.sat-parameters";

    private final SolverOptions defaults;

    public AllocationSolver() {
        this(SolverOptions.defaults());
    }

    /** @param defaults the service's configured options, used for whatever a problem's options omit */
    public AllocationSolver(SolverOptions defaults) {
        this.defaults = defaults.orElse(SolverOptions.defaults());
    }

    public Solution solve(Problem problem) {
        long started = System.nanoTime();
        Instance instance = new Instance(problem, defaults);
        EligibilityCalculator calculator = new EligibilityCalculator(instance);
        Eligibility eligibility = calculator.calculate();
        HardRuleLedger ledger = new HardRuleLedger(instance, eligibility);
        PinValidator.Result pins = PinValidator.validate(instance, eligibility, calculator, ledger);
        PreviousAllocation previous = PreviousAllocation.of(instance, eligibility);

        long greedyStarted = System.nanoTime();
        boolean[] greedy = GreedyConstruction.build(instance, eligibility, ledger, pins.acceptedPairs(),
                previous.keepablePairs());
        long greedyMillis = millisSince(greedyStarted);

        AllocationModel model = new AllocationModel(instance, eligibility, pins.acceptedPairs(), previous);
        model.hint(greedy);
        long modelMillis = millisSince(started);

        SolverOptions options = instance.options;
        CpSolver solver = new CpSolver();
        solver.getParameters()
                .setMaxTimeInSeconds(options.timeLimitSeconds())
                .setNumWorkers(options.workers())
                .setRandomSeed(options.seed())
                // The greedy hint is complete and feasible, but CP-SAT only reports it once presolve is done: repeated
                // probing and symmetry detection took ~6 s on the 80k-variable target instance, a single light pass 1 s.
                .setCpModelProbingLevel(0)
                .setSymmetryLevel(1)
                .setMaxPresolveIterations(1)
                // let the root LP run to its optimum in one go instead of creeping up in 2,000-iteration slices
                .setRootLpIterations(100_000);
        if (Boolean.getBoolean(LOG_SEARCH_PROPERTY)) {
            solver.getParameters().setLogSearchProgress(true).setLogToStdout(true);
        }
        String extra = System.getProperty(EXTRA_PARAMETERS_PROPERTY);
        if (extra != null && !extra.isBlank()) {
            try {
                com.google.protobuf.TextFormat.merge(extra, solver.getParameters());
            } catch (com.google.protobuf.TextFormat.ParseException e) {
                throw new IllegalArgumentException(EXTRA_PARAMETERS_PROPERTY + ": " + e.getMessage(), e);
            }
        }
        FirstSolutionClock clock = new FirstSolutionClock(started);
        long solveStarted = System.nanoTime();
        CpSolverStatus cpStatus = solver.solve(model.model, clock);
        long solveMillis = millisSince(solveStarted);

        SolveStatus status = map(cpStatus);
        boolean[] chosen;
        Long bound = null;
        if (status == SolveStatus.OPTIMAL || status == SolveStatus.FEASIBLE) {
            chosen = readSolution(solver, model);
            bound = (long) Math.ceil(solver.bestObjectiveBound() - 1e-6);
        } else if (status == SolveStatus.UNKNOWN) {
            // CP-SAT found nothing in time; the greedy allocation is feasible by construction, so serve it instead.
            LOG.log(System.Logger.Level.WARNING, "CP-SAT found no solution within {0} s; answering with the greedy allocation",
                    options.timeLimitSeconds());
            chosen = greedy;
            status = SolveStatus.FEASIBLE;
        } else {
            chosen = new boolean[eligibility.size];
        }

        ObjectiveBreakdown breakdown = ObjectiveEvaluator.evaluate(instance, eligibility, previous, chosen);
        Long objective = status == SolveStatus.INFEASIBLE || status == SolveStatus.MODEL_INVALID
                ? null : breakdown.total();
        // CP-SAT may carry a loose spread variable in a non-optimal solution, so its objective can only be higher
        if (bound != null && Math.round(solver.objectiveValue()) < breakdown.total()) {
            LOG.log(System.Logger.Level.WARNING, "objective {0} from CP-SAT is below the breakdown total {1}",
                    solver.objectiveValue(), breakdown.total());
        }
        UnfilledSeatExplainer explainer = new UnfilledSeatExplainer(instance, calculator, pins.conflictActivities());
        Long firstFeasible = clock.firstMillis();
        Solution solution = new Solution(status, objective, bound,
                assignments(instance, eligibility, chosen),
                unfilled(instance, eligibility, chosen, explainer),
                pins.conflicts(), breakdown,
                new SolveTimings(modelMillis, solveMillis, firstFeasible, greedyMillis));
        LOG.log(System.Logger.Level.INFO,
                "solve: {0} activities, {1} seats, {2} clinicians, {3} pairs; status {4} (CP-SAT {5}), objective {6}, "
                        + "bound {7}, unfilled {8}, wall {9} ms (model {10}, solve {11}, first feasible {12})",
                instance.activityCount(), instance.totalSeats, instance.clinicianCount(), eligibility.size, status,
                cpStatus, objective, bound, solution.unfilledSeatCount(), millisSince(started), modelMillis,
                solveMillis, firstFeasible);
        return solution;
    }

    private static boolean[] readSolution(CpSolver solver, AllocationModel model) {
        List<Long> values = solver.response().getSolutionList();
        boolean[] chosen = new boolean[model.x.length];
        for (int p = 0; p < chosen.length; p++) {
            chosen[p] = values.get(model.x[p].getIndex()) != 0;
        }
        return chosen;
    }

    private static List<Assignment> assignments(Instance instance, Eligibility eligibility, boolean[] chosen) {
        List<Assignment> result = new ArrayList<>();
        for (int a = 0; a < instance.activityCount(); a++) {
            List<Assignment> ofActivity = new ArrayList<>();
            for (int p : eligibility.byActivity[a]) {
                if (chosen[p]) {
                    ofActivity.add(new Assignment(instance.activities[a].id(),
                            instance.clinicians[eligibility.clinician[p]].id(), eligibility.level[p]));
                }
            }
            ofActivity.sort(Comparator.comparing(Assignment::clinicianId));
            result.addAll(ofActivity);
        }
        return result;
    }

    private static List<UnfilledSeat> unfilled(Instance instance, Eligibility eligibility, boolean[] chosen,
                                               UnfilledSeatExplainer explainer) {
        List<UnfilledSeat> result = new ArrayList<>();
        for (int a = 0; a < instance.activityCount(); a++) {
            int filled = 0;
            for (int p : eligibility.byActivity[a]) {
                if (chosen[p]) {
                    filled++;
                }
            }
            int seats = instance.required[a] - filled;
            if (seats > 0) {
                result.add(new UnfilledSeat(instance.activities[a].id(), seats, explainer.reasonFor(a)));
            }
        }
        return result;
    }

    private static SolveStatus map(CpSolverStatus status) {
        return switch (status) {
            case OPTIMAL -> SolveStatus.OPTIMAL;
            case FEASIBLE -> SolveStatus.FEASIBLE;
            case INFEASIBLE -> SolveStatus.INFEASIBLE;
            case MODEL_INVALID -> SolveStatus.MODEL_INVALID;
            default -> SolveStatus.UNKNOWN;
        };
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** Records when CP-SAT reports its first solution, measured from the start of {@code solve}. */
    private static final class FirstSolutionClock extends CpSolverSolutionCallback {
        private final long started;
        private final AtomicLong firstNanos = new AtomicLong(-1);

        FirstSolutionClock(long started) {
            this.started = started;
        }

        @Override
        public void onSolutionCallback() {
            firstNanos.compareAndSet(-1, System.nanoTime());
        }

        Long firstMillis() {
            long nanos = firstNanos.get();
            return nanos < 0 ? null : (nanos - started) / 1_000_000;
        }
    }
}
