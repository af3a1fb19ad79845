package org.rota.solver.solver;

import com.google.ortools.Loader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.ToLongFunction;

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

    /** Diagnostics switch: {@code -Drota.solver.trace=true} prints what each phase of a solve did to stderr. */
    static final String TRACE_PROPERTY = "rota.solver.trace";

    /** Tuning switch: CP-SAT parameters in text format, applied after ours, e.g. {@code "symmetry_level:0"}. */
    public static final String EXTRA_PARAMETERS_PROPERTY = "rota.solver.sat-parameters";

    /** Below this many variables a single solve proves its bound quickly enough; above, multi-week windows are staged. */
    static final int STAGED_SOLVE_MIN_PAIRS = 20_000;
    /**
     * Share of the time left given to the fairness-free relaxation in a staged solve with one worker (it stops early
     * when optimal); the full model gets the rest.
     */
    static final double RELAXATION_SHARE = 0.4;
    /**
     * Share of the time limit the local search of a warm start may take, capped below. It stops by itself at a local
     * optimum; per second of CPU it lowers the objective more than anything else on a starved machine (no model to
     * build), so the greedy start gets as long as a stage.
     */
    static final double LOCAL_SEARCH_SHARE = 0.1;
    static final double MAX_GREEDY_LOCAL_SEARCH_SECONDS = 3.0;
    static final double MAX_STAGE_LOCAL_SEARCH_SECONDS = 3.0;
    /** CP-SAT gets at least this long; with less left once the model is built, the warm start answers instead. */
    static final double MIN_SOLVE_SECONDS = 0.2;

    private final SolverOptions defaults;
    private final SearchSettings settings;
    private final int stagedSolveMinPairs;

    public AllocationSolver() {
        this(SolverOptions.defaults());
    }

    /** @param defaults the service's configured options, used for whatever a problem's options omit */
    public AllocationSolver(SolverOptions defaults) {
        this(defaults, SearchSettings.defaults());
    }

    /** @param settings how the service lets every solve search (memory), whatever the problem asks */
    public AllocationSolver(SolverOptions defaults, SearchSettings settings) {
        this(defaults, settings, STAGED_SOLVE_MIN_PAIRS);
    }

    AllocationSolver(SolverOptions defaults, SearchSettings settings, int stagedSolveMinPairs) {
        this.defaults = defaults.orElse(SolverOptions.defaults());
        this.settings = settings;
        this.stagedSolveMinPairs = stagedSolveMinPairs;
    }

    AllocationSolver(SolverOptions defaults, int stagedSolveMinPairs) {
        this(defaults, SearchSettings.defaults(), stagedSolveMinPairs);
    }

    /**
     * Told of each better complete allocation a solve finds, all hard rules holding (the first one is the greedy
     * start): {@code millis} since the call to {@code solve}, its objective, what it assigns and which phase found it.
     */
    @FunctionalInterface
    public interface Progress {
        void improved(long millis, long objective, List<Assignment> assignments, String phase);

        Progress NONE = (millis, objective, assignments, phase) -> { };
    }

    public Solution solve(Problem problem) {
        return solve(problem, Progress.NONE);
    }

    public Solution solve(Problem problem, Progress progress) {
        long started = System.nanoTime();
        Instance instance = new Instance(problem, defaults);
        HardRules rules = new HardRules(instance);
        EligibilityCalculator calculator = new EligibilityCalculator(instance, rules);
        Eligibility eligibility = calculator.calculate();
        WeightSafety.requireSafe(instance, eligibility);
        HardRuleLedger ledger = new HardRuleLedger(instance, eligibility);
        PinValidator.Result pins = PinValidator.validate(instance, eligibility, calculator, ledger);
        PreviousAllocation previous = PreviousAllocation.of(instance, eligibility);
        SolverOptions options = instance.options;
        // one worker and a seed ask for a reproducible answer: no phase may then depend on the wall clock
        boolean deterministic = options.workers() == 1;
        ToLongFunction<boolean[]> price = chosen -> ObjectiveEvaluator.evaluate(instance, eligibility, previous, chosen)
                .total();
        Incumbents incumbents = new Incumbents(started, instance, eligibility, price, progress);

        long greedyStarted = System.nanoTime();
        boolean[] greedy = GreedyConstruction.build(instance, eligibility, ledger, pins.acceptedPairs(),
                previous.keepablePairs());
        // the greedy allocation passed the hard-rule ledger move by move: it is the first feasible answer
        CpSatRun.FirstSolution firstSolution = new CpSatRun.FirstSolution(started);
        firstSolution.record();
        incumbents.offer(greedy, "greedy");
        Set<Integer> pinned = Set.copyOf(pins.acceptedPairs());
        LocalSearch.improve(instance, eligibility, greedy, pinned, previous.keepablePairs(),
                localSearchDeadline(System.nanoTime(), options, MAX_GREEDY_LOCAL_SEARCH_SECONDS, deterministic));
        incumbents.offer(greedy, "local search");
        long greedyMillis = millisSince(greedyStarted);
        if (Boolean.getBoolean(TRACE_PROPERTY)) {
            System.err.printf("prepared in %d ms, greedy and local search in %d ms%n",
                    (greedyStarted - started) / 1_000_000, greedyMillis);
        }
        boolean staged = options.weights().fairness() > 0 && instance.weekCount > 1
                && eligibility.size >= stagedSolveMinPairs;

        long modelMillis;
        long solveMillis;
        CpSatRun.Result run;
        if (!staged) {
            AllocationModel model = new AllocationModel(instance, rules, eligibility, pins.acceptedPairs(), previous);
            model.hint(greedy);
            modelMillis = millisSince(started);
            long solveStarted = System.nanoTime();
            if (!deterministic && options.timeLimitSeconds() - modelMillis / 1e3 < MIN_SOLVE_SECONDS) {
                // building the model used up the limit (a busy machine): the warm start answers on time
                run = new CpSatRun.Result(SolveStatus.UNKNOWN, null, null);
            } else {
                run = new CpSatRun(model.model, model.x, options, options.workers(),
                        budget(options, started, 1.0, deterministic), firstSolution, settings).solve();
            }
            solveMillis = millisSince(solveStarted);
            if (run.chosen() != null) {
                incumbents.offer(run.chosen(), "cp-sat");
            }
        } else {
            // Fairness is the only term that couples the weeks of a multi-week window. Without it the model falls apart
            // into one component per ISO week, which CP-SAT solves and bounds quickly; that bound holds for the full
            // model because fairness is never negative, and the local search then balances its allocation. The full
            // model's LP bound (which covers fairness) needs ~10 s of a core on the target window: with two workers or
            // more, one of them solves the full model from the start, beside the relaxation; with one, it comes last.
            AllocationModel full = new AllocationModel(instance, rules, eligibility, pins.acceptedPairs(), previous);
            full.hint(incumbents.best());
            CompletableFuture<CpSatRun.Result> fullRun = null;
            int relaxationWorkers = options.workers();
            double relaxationShare = RELAXATION_SHARE;
            if (!deterministic && options.workers() >= 2) {
                CpSatRun bounding = new CpSatRun(full.model, full.x, options, 1,
                        budget(options, started, 1.0, false), firstSolution, settings);
                fullRun = CompletableFuture.supplyAsync(bounding::solve, AllocationSolver::onOwnThread);
                relaxationWorkers = options.workers() - 1;
                relaxationShare = 1 - LOCAL_SEARCH_SHARE; // the rest is for the local search on its allocation
            }
            AllocationModel relaxed = new AllocationModel(instance, rules, eligibility, pins.acceptedPairs(), previous, false);
            relaxed.hint(incumbents.best());
            modelMillis = millisSince(started);
            long solveStarted = System.nanoTime();
            CpSatRun.Result first = new CpSatRun(relaxed.model, relaxed.x, options, relaxationWorkers,
                    budget(options, started, relaxationShare, deterministic), firstSolution, settings).solve();
            long firstMillis = millisSince(solveStarted);
            if (first.chosen() != null) {
                boolean[] relaxation = first.chosen().clone();
                LocalSearch.improve(instance, eligibility, relaxation, pinned, previous.keepablePairs(),
                        localSearchDeadline(System.nanoTime(), options, MAX_STAGE_LOCAL_SEARCH_SECONDS, deterministic));
                incumbents.offer(relaxation, "relaxation + local search");
            }
            CpSatRun.Result last;
            if (fullRun != null) {
                last = join(fullRun);
            } else {
                // from the best allocation: the full model's LP bound covers fairness, and it proves small windows
                full.model.clearHints();
                full.hint(incumbents.best());
                last = new CpSatRun(full.model, full.x, options, options.workers(),
                        budget(options, started, 1.0, deterministic), firstSolution, settings).solve();
            }
            if (last.chosen() != null) {
                incumbents.offer(last.chosen(), "cp-sat");
            }
            solveMillis = millisSince(solveStarted);
            Long bound = last.bound() == null ? first.bound() : first.bound() == null ? last.bound()
                    : Long.valueOf(Math.max(last.bound(), first.bound()));
            run = new CpSatRun.Result(incumbents.best() != null ? SolveStatus.FEASIBLE : last.status(),
                    incumbents.best(), bound);
            String summary = "staged solve: relaxation %s bound %s in %d ms; full model %s bound %s".formatted(
                    first.status(), first.bound(), firstMillis, last.status(), last.bound());
            LOG.log(System.Logger.Level.DEBUG, summary);
            if (Boolean.getBoolean(TRACE_PROPERTY)) {
                System.err.println(summary);
            }
        }

        SolveStatus status = run.status();
        boolean[] chosen = incumbents.best();
        if (status == SolveStatus.UNKNOWN) {
            // CP-SAT found nothing in time; the warm start is feasible by construction, so serve it instead.
            LOG.log(System.Logger.Level.WARNING,
                    "CP-SAT found no solution within {0} s; answering with the greedy allocation",
                    options.timeLimitSeconds());
            status = SolveStatus.FEASIBLE;
        } else if (status != SolveStatus.OPTIMAL && status != SolveStatus.FEASIBLE) {
            chosen = new boolean[eligibility.size];
        }

        ObjectiveBreakdown breakdown = ObjectiveEvaluator.evaluate(instance, eligibility, previous, chosen);
        boolean solved = status == SolveStatus.OPTIMAL || status == SolveStatus.FEASIBLE;
        Long objective = solved ? breakdown.total() : null;
        Long bound = run.bound();
        if (solved && bound != null && bound >= breakdown.total()) {
            status = SolveStatus.OPTIMAL;
            bound = breakdown.total();
        } else if (status == SolveStatus.OPTIMAL) {
            status = SolveStatus.FEASIBLE; // CP-SAT's optimum was not the allocation kept
        }
        StaffingExplainer explainer = new StaffingExplainer(instance, calculator, eligibility, pins.conflictActivities(),
                StaffingExplainer.assignmentsOf(eligibility, chosen));
        Long firstFeasible = firstSolution.millis();
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

    /** The best allocation so far (priced by the evaluator), reported to the caller's {@link Progress} as it improves. */
    private static final class Incumbents {
        private final long started;
        private final Instance instance;
        private final Eligibility eligibility;
        private final ToLongFunction<boolean[]> price;
        private final Progress progress;
        private boolean[] best;
        private long bestPrice = Long.MAX_VALUE;

        Incumbents(long started, Instance instance, Eligibility eligibility, ToLongFunction<boolean[]> price,
                   Progress progress) {
            this.started = started;
            this.instance = instance;
            this.eligibility = eligibility;
            this.price = price;
            this.progress = progress;
        }

        /** Keeps a copy of {@code chosen} when it is better than the best so far; true if it was. */
        boolean offer(boolean[] chosen, String phase) {
            long priced = price.applyAsLong(chosen);
            if (priced >= bestPrice) {
                return false;
            }
            best = chosen.clone();
            bestPrice = priced;
            if (progress != Progress.NONE) {
                progress.improved(millisSince(started), priced, assignments(instance, eligibility, best), phase);
            }
            return true;
        }

        boolean[] best() {
            return best;
        }
    }

    /**
     * Why each clinician of the problem does or does not serve {@code activityId}, judged with the same eligibility and
     * working-time rules as the solve, against the clinician's fixed work ({@link Problem#busy()}) and, when given,
     * {@code assignments} (a solution of this problem, e.g. {@link Solution#assignments()}; null: judge against fixed work
     * only). Also gives each empty seat of the activity its reason. An unknown activity id is an
     * {@link InvalidProblemException} on {@code activityId}.
     */
    public ActivityExplanation explain(Problem problem, String activityId, List<Assignment> assignments) {
        Judged judged = judge(problem, assignments);
        int a = judged.activity(activityId);
        List<ClinicianVerdict> verdicts = new ArrayList<>();
        for (int c = 0; c < judged.instance.clinicianCount(); c++) {
            verdicts.add(judged.explainer.verdict(a, c, true, judged.previous));
        }
        List<UnfilledSeat> unfilled = assignments == null ? List.of() : judged.explainer.unfilledSeats(a);
        return new ActivityExplanation(activityId, verdicts, unfilled);
    }

    /** One clinician's verdict from {@link #explain}: "can C still serve A here, and if not, which rule stops them?" */
    public ClinicianVerdict verdict(Problem problem, String activityId, String clinicianId, List<Assignment> assignments) {
        Judged judged = judge(problem, assignments);
        int a = judged.activity(activityId);
        Integer c = judged.instance.clinicianIndex.get(clinicianId);
        if (c == null) {
            throw new InvalidProblemException("clinicianId", "is not a clinician of the problem: " + clinicianId);
        }
        return judged.explainer.verdict(a, c, true, judged.previous);
    }

    /**
     * The commit check: every assignment of {@code assignments} (only {@code activityId} and {@code clinicianId} are read)
     * that breaks eligibility, a working-time rule given the problem's fixed work, or supervision (a trainee beyond
     * traineesPerSupervisor × the activity's other holders; per activity the trainees are replayed last). Assignments are replayed earliest
     * activity first and a violating one is not counted further, so the list names the later of two clashing assignments;
     * empty means the assignments can be published. Assignments to activities outside the problem are ignored.
     */
    public List<RuleViolation> violations(Problem problem, List<Assignment> assignments) {
        Instance instance = new Instance(problem, defaults);
        HardRules rules = new HardRules(instance);
        EligibilityCalculator calculator = new EligibilityCalculator(instance, rules);
        HardRuleLedger ledger = new HardRuleLedger(instance, rules, null);
        record Replayed(Assignment assignment, int a, Integer c, EligibilityCalculator.Assessment assessment) {

            boolean trainee() {
                return assessment != null && assessment.level() == Level.TRAINEE;
            }
        }
        // per activity, supervisors before trainees, so that the trainees beyond the ratio are the ones named
        List<Replayed> ordered = assignments.stream()
                .filter(assignment -> instance.activityIndex.containsKey(assignment.activityId()))
                .map(assignment -> {
                    int a = instance.activityIndex.get(assignment.activityId());
                    Integer c = instance.clinicianIndex.get(assignment.clinicianId());
                    return new Replayed(assignment, a, c, c == null ? null : calculator.assess(a, c));
                })
                .sorted(Comparator.comparingInt(Replayed::a).thenComparing(Replayed::trainee)
                        .thenComparing(replayed -> replayed.assignment().clinicianId()))
                .toList();
        List<RuleViolation> violations = new ArrayList<>();
        int[][] holders = new int[instance.activityCount()][3];
        for (Replayed replayed : ordered) {
            Assignment assignment = replayed.assignment();
            int a = replayed.a();
            Integer c = replayed.c();
            if (c == null) {
                violations.add(new RuleViolation(assignment.activityId(), assignment.clinicianId(), Verdict.INACTIVE,
                        "not a clinician of the problem"));
                continue;
            }
            EligibilityCalculator.Assessment assessment = replayed.assessment();
            HardRuleLedger.Violation violation = !assessment.eligible()
                    ? new HardRuleLedger.Violation(assessment.verdict(),
                            assessment.verdict().compareTo(Verdict.BUSY_ELSEWHERE) >= 0 ? calculator.fixedWorkDetail(a, c)
                                    : StaffingExplainer.describe(assessment.verdict()))
                    : ledger.check(a, c);
            int kind = SeatPlan.kind(assessment.level());
            if (violation == null) {
                holders[a][kind]++;
                if (!instance.seats[a].supervised(holders[a])) {
                    violation = StaffingExplainer.noSupervisor(instance.seats[a]);
                }
                holders[a][kind]--;
            }
            if (violation != null) {
                violations.add(new RuleViolation(assignment.activityId(), assignment.clinicianId(), violation.rule(),
                        violation.detail()));
            } else {
                holders[a][kind]++;
                ledger.take(a, c);
            }
        }
        return violations;
    }

    /** A problem prepared for verdicts against some assignments. */
    private record Judged(Instance instance, StaffingExplainer explainer, PreviousAllocation previous) {

        int activity(String activityId) {
            Integer a = instance.activityIndex.get(activityId);
            if (a == null) {
                throw new InvalidProblemException("activityId", "is not an activity of the problem: " + activityId);
            }
            return a;
        }
    }

    private Judged judge(Problem problem, List<Assignment> assignments) {
        Instance instance = new Instance(problem, defaults);
        HardRules rules = new HardRules(instance);
        EligibilityCalculator calculator = new EligibilityCalculator(instance, rules);
        Eligibility eligibility = calculator.calculate();
        List<int[]> pairs = null;
        if (assignments != null) {
            pairs = new ArrayList<>();
            for (Assignment assignment : assignments) {
                Integer a = instance.activityIndex.get(assignment.activityId());
                Integer c = instance.clinicianIndex.get(assignment.clinicianId());
                if (a != null && c != null) {
                    pairs.add(new int[] {a, c});
                }
            }
        }
        StaffingExplainer explainer = new StaffingExplainer(instance, calculator, eligibility, Set.of(), pairs);
        return new Judged(instance, explainer, PreviousAllocation.of(instance, eligibility));
    }

    /** Each holder with the seat they fill ({@link SeatPlan}); experts in clinician id order take EXPERT seats first. */
    private static List<Assignment> assignments(Instance instance, Eligibility eligibility, boolean[] chosen) {
        List<Assignment> result = new ArrayList<>();
        for (int a = 0; a < instance.activityCount(); a++) {
            List<Integer> ofActivity = new ArrayList<>();
            int[] holders = new int[3];
            for (int p : eligibility.byActivity[a]) {
                if (chosen[p]) {
                    ofActivity.add(p);
                    holders[eligibility.kind[p]]++;
                }
            }
            ofActivity.sort(Comparator.comparing(p -> instance.clinicians[eligibility.clinician[p]].id()));
            int experts = 0;
            for (int p : ofActivity) {
                int kind = eligibility.kind[p];
                Level seat = kind == SeatPlan.EXPERT ? instance.seats[a].expertSeat(experts++, holders)
                        : SeatPlan.level(kind);
                result.add(new Assignment(instance.activities[a].id(), instance.clinicians[eligibility.clinician[p]].id(),
                        eligibility.level[p], seat));
            }
        }
        return result;
    }

    private static List<UnfilledSeat> unfilled(Instance instance, Eligibility eligibility, boolean[] chosen,
                                               StaffingExplainer explainer) {
        List<UnfilledSeat> result = new ArrayList<>();
        for (int a = 0; a < instance.activityCount(); a++) {
            int[] holders = new int[3];
            for (int p : eligibility.byActivity[a]) {
                if (chosen[p]) {
                    holders[eligibility.kind[p]]++;
                }
            }
            result.addAll(explainer.unfilledSeats(a, instance.seats[a].empty(holders)));
        }
        return result;
    }

    /**
     * A share of the time left: the time limit covers the whole call, model building included, as the caller waits for
     * all of it. A reproducible solve gets the share of the whole limit, in deterministic time.
     */
    private static CpSatRun.Budget budget(SolverOptions options, long startedNanos, double share, boolean deterministic) {
        if (deterministic) {
            return new CpSatRun.Budget(options.timeLimitSeconds() * share, true);
        }
        double left = options.timeLimitSeconds() - (System.nanoTime() - startedNanos) / 1e9;
        return new CpSatRun.Budget(Math.max(MIN_SOLVE_SECONDS, left * share), false);
    }

    /** Runs a CP-SAT solve beside the caller's thread (one per staged solve, ending with it). */
    private static void onOwnThread(Runnable task) {
        Thread thread = new Thread(task, "rota-solver-full-model");
        thread.setDaemon(true);
        thread.start();
    }

    private static CpSatRun.Result join(CompletableFuture<CpSatRun.Result> run) {
        try {
            return run.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The local search stops at a local optimum; with a wall-clock cap unless the solve must be reproducible. */
    private static long localSearchDeadline(long fromNanos, SolverOptions options, double atMostSeconds,
                                            boolean deterministic) {
        if (deterministic) {
            return Long.MAX_VALUE;
        }
        return fromNanos + (long) (Math.min(options.timeLimitSeconds() * LOCAL_SEARCH_SHARE, atMostSeconds) * 1e9);
    }

    /** When the time limit of the whole call runs out. */
    private static long deadline(long startedNanos, SolverOptions options) {
        return startedNanos + (long) (options.timeLimitSeconds() * 1e9);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
