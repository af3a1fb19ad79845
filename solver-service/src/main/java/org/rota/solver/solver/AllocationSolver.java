package org.rota.solver.solver;

import com.google.ortools.Loader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
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

    /** Tuning switch: CP-SAT parameters in text format, applied after ours, e.g. {@code "symmetry_level:0"}. */
    public static final String EXTRA_PARAMETERS_PROPERTY = "rota.solver.sat-parameters";

    /** Below this many variables a single solve proves its bound quickly enough; above, multi-week windows are staged. */
    static final int STAGED_SOLVE_MIN_PAIRS = 20_000;
    /** Share of the time limit given to the fairness-free relaxation in a staged solve (it stops early when optimal). */
    static final double RELAXATION_SHARE = 0.5;
    /** Share of the time limit the local search of a warm start may take, capped below. */
    static final double LOCAL_SEARCH_SHARE = 0.1;
    static final double MAX_GREEDY_LOCAL_SEARCH_SECONDS = 0.3;
    static final double MAX_STAGE_LOCAL_SEARCH_SECONDS = 3.0;
    /** CP-SAT always gets this long, even when building the model used up the time limit. */
    static final double MIN_SOLVE_SECONDS = 0.2;

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
        HardRules rules = new HardRules(instance);
        EligibilityCalculator calculator = new EligibilityCalculator(instance, rules);
        Eligibility eligibility = calculator.calculate();
        WeightSafety.requireSafe(instance, eligibility);
        HardRuleLedger ledger = new HardRuleLedger(instance, eligibility);
        PinValidator.Result pins = PinValidator.validate(instance, eligibility, calculator, ledger);
        PreviousAllocation previous = PreviousAllocation.of(instance, eligibility);

        long greedyStarted = System.nanoTime();
        boolean[] greedy = GreedyConstruction.build(instance, eligibility, ledger, pins.acceptedPairs(),
                previous.keepablePairs());
        SolverOptions options = instance.options;
        Set<Integer> pinned = Set.copyOf(pins.acceptedPairs());
        boolean staged = options.weights().fairness() > 0 && instance.weekCount > 1
                && eligibility.size >= stagedSolveMinPairs;
        if (!staged) {
            // a staged solve improves the greedy allocation in its first stage anyway, and searches locally after it
            LocalSearch.improve(instance, eligibility, greedy, pinned, previous.keepablePairs(), deadline(greedyStarted,
                    options.timeLimitSeconds() * LOCAL_SEARCH_SHARE, MAX_GREEDY_LOCAL_SEARCH_SECONDS));
        }
        long greedyMillis = millisSince(greedyStarted);

        CpSatRun.FirstSolution firstSolution = new CpSatRun.FirstSolution(started);
        ToLongFunction<boolean[]> price = chosen -> ObjectiveEvaluator.evaluate(instance, eligibility, previous, chosen)
                .total();
        long modelMillis;
        long solveMillis;
        CpSatRun.Result run;
        if (!staged) {
            AllocationModel model = new AllocationModel(instance, rules, eligibility, pins.acceptedPairs(), previous);
            model.hint(greedy);
            modelMillis = millisSince(started);
            long solveStarted = System.nanoTime();
            run = new CpSatRun(model, options, options.workers(), remainingSeconds(options, started), firstSolution)
                    .solve();
            solveMillis = millisSince(solveStarted);
        } else {
            // Fairness is the only term that couples the weeks of a multi-week window. Without it the model falls apart
            // into one component per ISO week, which CP-SAT solves and bounds quickly; that bound holds for the full
            // model because fairness is never negative. The full model's LP bound is tighter but slow to come.
            AllocationModel relaxed = new AllocationModel(instance, rules, eligibility, pins.acceptedPairs(), previous, false);
            relaxed.hint(greedy);
            long relaxedModelMillis = millisSince(started);
            long solveStarted = System.nanoTime();
            CpSatRun.Result first = new CpSatRun(relaxed, options, options.workers(),
                    remainingSeconds(options, started) * RELAXATION_SHARE, firstSolution).solve();
            long firstMillis = millisSince(solveStarted);

            long fullStarted = System.nanoTime();
            boolean[] start = first.chosen() != null ? first.chosen().clone() : greedy.clone();
            LocalSearch.improve(instance, eligibility, start, pinned, previous.keepablePairs(),
                    deadline(fullStarted, options.timeLimitSeconds() * LOCAL_SEARCH_SHARE, MAX_STAGE_LOCAL_SEARCH_SECONDS));
            AllocationModel full = new AllocationModel(instance, rules, eligibility, pins.acceptedPairs(), previous);
            full.hint(start);
            modelMillis = relaxedModelMillis + millisSince(fullStarted);
            long secondStarted = System.nanoTime();
            CpSatRun.Result second = new CpSatRun(full, options, options.workers(),
                    remainingSeconds(options, started), firstSolution).solve();
            solveMillis = firstMillis + millisSince(secondStarted);
            run = combine(second, new CpSatRun.Result(first.status(), start, first.bound()), price);
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

    /** The full model's result improved by the relaxation's: the better allocation and the higher bound. */
    private static CpSatRun.Result combine(CpSatRun.Result full, CpSatRun.Result relaxation,
                                           ToLongFunction<boolean[]> price) {
        Long bound = full.bound() == null ? relaxation.bound() : relaxation.bound() == null ? full.bound()
                : Long.valueOf(Math.max(full.bound(), relaxation.bound()));
        boolean[] best = full.chosen();
        if (relaxation.chosen() != null
                && (best == null || price.applyAsLong(relaxation.chosen()) < price.applyAsLong(best))) {
            best = relaxation.chosen();
        }
        SolveStatus status = full.status() == SolveStatus.OPTIMAL ? SolveStatus.OPTIMAL
                : best != null ? SolveStatus.FEASIBLE : full.status();
        return new CpSatRun.Result(status, best, bound);
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
}
