package org.rota.solver.solver;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
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

    /** Below this many variables a single solve proves its bound quickly enough; above, multi-week windows are staged. */
    static final int STAGED_SOLVE_MIN_PAIRS = 20_000;
    /** Share of the time limit given to the fairness-free relaxation in a staged solve (it stops early when optimal). */
    static final double RELAXATION_SHARE = 0.5;
    /** Share of the time limit the load balancing of a warm start may take, capped below. */
    static final double BALANCE_SHARE = 0.1;
    static final double MAX_GREEDY_BALANCE_SECONDS = 0.3;
    /** CP-SAT always gets this long, even when building the model used up the time limit. */
    static final double MIN_SOLVE_SECONDS = 0.2;
    static final double MAX_STAGE_BALANCE_SECONDS = 3.0;

    private final SolverOptions defaults;
    private final int stagedSolveMinPairs;

    public AllocationSolver() {
        this(SolverOptions.defaults());
    }

    /** @param defaults the service's configured options, used for whatever a problem's options omit */
    public AllocationSolver(SolverOptions defaults) {
        this(defaults, STAGED_SOLVE_MIN_PAIRS);
    }

    AllocationSolver(SolverOptions defaults, int stagedSolveMinPairs) {
        this.defaults = defaults.orElse(SolverOptions.defaults());
        this.stagedSolveMinPairs = stagedSolveMinPairs;
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
        SolverOptions options = instance.options;
        Set<Integer> pinned = Set.copyOf(pins.acceptedPairs());
        LoadBalancer.balance(instance, eligibility, greedy, pinned, previous.keepablePairs(),
                deadline(greedyStarted, options.timeLimitSeconds() * BALANCE_SHARE, MAX_GREEDY_BALANCE_SECONDS));
        long greedyMillis = millisSince(greedyStarted);

        FirstSolutionClock clock = new FirstSolutionClock(started);
        boolean staged = options.weights().fairness() > 0 && instance.weekCount > 1
                && eligibility.size >= stagedSolveMinPairs;
        long modelMillis;
        long solveMillis;
        Run run;
        if (!staged) {
            AllocationModel model = new AllocationModel(instance, eligibility, pins.acceptedPairs(), previous);
            model.hint(greedy);
            modelMillis = millisSince(started);
            long solveStarted = System.nanoTime();
            run = runCpSat(model, options, remainingSeconds(options, started), clock);
            solveMillis = millisSince(solveStarted);
        } else {
            // Fairness is the only term that couples the weeks of a multi-week window. Without it the model falls apart
            // into one component per week, whose LP bound CP-SAT proves in seconds; that bound holds for the full model
            // because fairness is never negative. The full model then starts from the relaxation's allocation.
            AllocationModel relaxed = new AllocationModel(instance, eligibility, pins.acceptedPairs(), previous, false);
            relaxed.hint(greedy);
            long relaxedModelMillis = millisSince(started);
            long solveStarted = System.nanoTime();
            Run first = runCpSat(relaxed, options, options.timeLimitSeconds() * RELAXATION_SHARE, clock);
            long firstMillis = millisSince(solveStarted);
            long fullStarted = System.nanoTime();
            boolean[] start = first.chosen() != null ? first.chosen().clone() : greedy.clone();
            LoadBalancer.balance(instance, eligibility, start, pinned, previous.keepablePairs(),
                    deadline(fullStarted, options.timeLimitSeconds() * BALANCE_SHARE, MAX_STAGE_BALANCE_SECONDS));
            AllocationModel full = new AllocationModel(instance, eligibility, pins.acceptedPairs(), previous);
            full.hint(start);
            modelMillis = relaxedModelMillis + millisSince(fullStarted);
            long secondStarted = System.nanoTime();
            Run second = runCpSat(full, options, remainingSeconds(options, started), clock);
            solveMillis = firstMillis + millisSince(secondStarted);
            run = second.combineWith(first, chosen -> ObjectiveEvaluator.evaluate(instance, eligibility, previous,
                    chosen).total());
            LOG.log(System.Logger.Level.DEBUG, "staged solve: relaxation {0} bound {1}, full {2} bound {3}",
                    first.status(), first.bound(), second.status(), second.bound());
        }

        SolveStatus status = run.status();
        boolean[] chosen = run.chosen();
        if (status == SolveStatus.UNKNOWN) {
            // CP-SAT found nothing in time; the greedy allocation is feasible by construction, so serve it instead.
            LOG.log(System.Logger.Level.WARNING,
                    "CP-SAT found no solution within {0} s; answering with the greedy allocation",
                    options.timeLimitSeconds());
            chosen = greedy;
            status = SolveStatus.FEASIBLE;
        } else if (chosen == null) {
            chosen = new boolean[eligibility.size];
        }

        ObjectiveBreakdown breakdown = ObjectiveEvaluator.evaluate(instance, eligibility, previous, chosen);
        boolean solved = status == SolveStatus.OPTIMAL || status == SolveStatus.FEASIBLE;
        Long objective = solved ? breakdown.total() : null;
        Long bound = run.bound();
        if (solved && bound != null && bound >= breakdown.total()) {
            status = SolveStatus.OPTIMAL;
            bound = breakdown.total();
        }
        UnfilledSeatExplainer explainer = new UnfilledSeatExplainer(instance, calculator, pins.conflictActivities());
        Long firstFeasible = clock.firstMillis();
        Solution solution = new Solution(status, objective, bound,
                assignments(instance, eligibility, chosen),
                unfilled(instance, eligibility, chosen, explainer),
                pins.conflicts(), breakdown,
                new SolveTimings(modelMillis, solveMillis, firstFeasible, greedyMillis));
        LOG.log(System.Logger.Level.INFO,
                "solve: {0} activities, {1} seats, {2} clinicians, {3} pairs{4}; status {5}, objective {6}, "
                        + "bound {7}, unfilled {8}, wall {9} ms (model {10}, solve {11}, first feasible {12})",
                instance.activityCount(), instance.totalSeats, instance.clinicianCount(), eligibility.size,
                staged ? " (staged)" : "", status, objective, bound, solution.unfilledSeatCount(),
                millisSince(started), modelMillis, solveMillis, firstFeasible);
        return solution;
    }

    /** Outcome of one CP-SAT run: {@code chosen} is null when it found no solution. */
    private record Run(SolveStatus status, boolean[] chosen, Long bound) {

        /** This run, improved by an earlier run of a relaxation: the better allocation and the higher bound. */
        Run combineWith(Run relaxation, java.util.function.ToLongFunction<boolean[]> fullObjective) {
            Long bestBound = bound == null ? relaxation.bound : relaxation.bound == null ? bound
                    : Long.valueOf(Math.max(bound, relaxation.bound));
            boolean[] best = chosen;
            if (relaxation.chosen != null
                    && (best == null || fullObjective.applyAsLong(relaxation.chosen) < fullObjective.applyAsLong(best))) {
                best = relaxation.chosen;
            }
            SolveStatus combined = status == SolveStatus.OPTIMAL ? SolveStatus.OPTIMAL
                    : best != null ? SolveStatus.FEASIBLE : status;
            return new Run(combined, best, bestBound);
        }
    }

    private Run runCpSat(AllocationModel model, SolverOptions options, double seconds, FirstSolutionClock clock) {
        CpSolver solver = new CpSolver();
        solver.getParameters()
                .setMaxTimeInSeconds(seconds)
                .setNumWorkers(options.workers())
                .setRandomSeed(options.seed())
                // The greedy hint is complete and feasible, but CP-SAT only reports it once presolve is done: repeated
                // probing and symmetry detection took ~6 s on the 80k-variable target instance, a single light pass 1 s.
                .setCpModelProbingLevel(0)
                .setSymmetryLevel(1)
                .setMaxPresolveIterations(1)
                // solve the root LP with all constraints at once, to its optimum: the bound comes in one step
                .setAddLpConstraintsLazily(false)
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
        CpSolverStatus cpStatus = solver.solve(model.model, clock);
        SolveStatus status = map(cpStatus);
        if (status != SolveStatus.OPTIMAL && status != SolveStatus.FEASIBLE) {
            return new Run(status, null, null);
        }
        // CP-SAT may carry a loose spread variable in a non-optimal solution; the evaluator prices the allocation itself
        return new Run(status, readSolution(solver, model), (long) Math.ceil(solver.bestObjectiveBound() - 1e-6));
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

    /** The time limit covers the whole call, model building included, as the caller waits for all of it. */
    private static double remainingSeconds(SolverOptions options, long startedNanos) {
        return Math.max(MIN_SOLVE_SECONDS, options.timeLimitSeconds() - (System.nanoTime() - startedNanos) / 1e9);
    }

    private static long deadline(long fromNanos, double seconds, double atMostSeconds) {
        return fromNanos + (long) (Math.min(seconds, atMostSeconds) * 1e9);
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
