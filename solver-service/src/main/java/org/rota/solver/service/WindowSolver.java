package org.rota.solver.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.rota.events.AllocationEvent;
import org.rota.events.AllocationEvent.AssignmentEntry;
import org.rota.events.AllocationEvent.Change;
import org.rota.events.AllocationEvent.UnfilledEntry;
import org.rota.solver.config.SolverConfig;
import org.rota.solver.domain.Allocation;
import org.rota.solver.domain.CurrentAssignment;
import org.rota.solver.domain.KnownActivity;
import org.rota.solver.domain.PlanningWindow;
import org.rota.solver.domain.SolveRun;
import org.rota.solver.domain.SolveRun.Outcome;
import org.rota.solver.domain.SolveRun.Trigger;
import org.rota.solver.mapping.AllocationMapper;
import org.rota.solver.outbox.SolverEvents;
import org.rota.solver.repository.AllocationRepository;
import org.rota.solver.repository.InputPosition;
import org.rota.solver.repository.PinRepository;
import org.rota.solver.repository.ReadModelRepository;
import org.rota.solver.repository.SolveRunRepository;
import org.rota.solver.service.ProblemBuilder.WindowProblem;
import org.rota.solver.solver.BusyInterval;
import org.rota.solver.solver.Problem;
import org.rota.solver.solver.RuleViolation;
import org.rota.solver.solver.Solution;
import org.rota.solver.solver.SolveStatus;
import org.rota.solver.solver.SolverOptions;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Solves one planning window and, when the result differs from the current allocation, stores it as the window's next
 * version and publishes it. The solve itself runs outside any transaction; the commit is short and serialised across
 * replicas and checks the result against the clinicians' work elsewhere as it stands then, so two windows cannot
 * together break a working-time rule: the later commit re-queues its window.
 * The input is read in one snapshot, whose position must be at least as new as the current allocation's for the
 * result to replace it (two replicas may solve one window around a rebalance); a window beyond the solve budget is
 * reported TOO_LARGE without being loaded.
 */
@ApplicationScoped
public class WindowSolver {

    private static final Logger LOG = Logger.getLogger(WindowSolver.class);
    /** The solver status of a version published for a window beyond the solve budget. */
    public static final String TOO_LARGE = "TOO_LARGE";
    /** The reason a solve that threw counts under in {@code rota_solver_failed_solves_total}. */
    static final String EXCEPTION = "EXCEPTION";

    private final ProblemBuilder problems;
    private final AllocationRepository allocations;
    private final SolveRunRepository solveRuns;
    private final PinRepository pins;
    private final WorkElsewhere workElsewhere;
    private final SolverEvents events;
    private final ZoneId zone;
    private final String instanceId;
    private final double resolveTimeLimitSeconds;
    private final CoreSolver solver;
    private final ReadModelRepository readModel;
    private final InputPosition positions;
    private final WindowBudget budget;
    private final FreezePolicy freeze;
    private final CoverageWatch coverageWatch;
    private final Timer solveTimer;
    private final MeterRegistry metrics;
    private final DistributionSummary unfilledSeats;

    WindowSolver(ProblemBuilder problems, AllocationRepository allocations, SolveRunRepository solveRuns,
            PinRepository pins, WorkElsewhere workElsewhere, ReadModelRepository readModel, InputPosition positions,
            WindowBudget budget, CoreSolver solver, FreezePolicy freeze, CoverageWatch coverageWatch,
            SolverEvents events, SolverConfig config, MeterRegistry metrics) {
        this.problems = problems;
        this.allocations = allocations;
        this.solveRuns = solveRuns;
        this.pins = pins;
        this.workElsewhere = workElsewhere;
        this.readModel = readModel;
        this.positions = positions;
        this.budget = budget;
        this.freeze = freeze;
        this.coverageWatch = coverageWatch;
        this.events = events;
        this.zone = config.zone();
        this.resolveTimeLimitSeconds = config.resolveTimeLimitSeconds();
        this.instanceId = config.instanceId().orElseGet(() -> ProcessHandle.current().pid() + "@" + hostName());
        this.solver = solver;
        this.metrics = metrics;
        this.solveTimer = Timer.builder("rota.solver.solve.duration").description("Wall time of one window solve")
                .publishPercentiles(0.5, 0.95).register(metrics);
        // one series for all windows: a tag per window would grow without bound
        this.unfilledSeats = DistributionSummary.builder("rota.solver.unfilled.seats")
                .description("Unfilled seats of each published allocation").register(metrics);
    }

    /**
     * What one solve read: the window's input at one database snapshot (its position), its estimated size, and the
     * problem, unless the window is too large to build one.
     */
    public record WindowInput(UUID runId, Instant started, PlanningWindow window, String position, WindowSize size,
            Optional<String> tooLarge, WindowProblem problem) {
    }

    /** Solves the window and publishes the result; a failure is recorded and returned as a FAILED run. */
    public SolveRun solve(PlanningWindow window, Trigger trigger) {
        UUID runId = UUID.randomUUID();
        Instant started = Instant.now();
        WindowInput input;
        try {
            input = read(window, runId, started);
        } catch (RuntimeException e) {
            return failed(runId, window, trigger, started, null, e);
        }
        return complete(input, trigger);
    }

    /** Reads the window's input in one snapshot; the size is estimated first and a window too large is not loaded. */
    public WindowInput read(PlanningWindow window) {
        return read(window, UUID.randomUUID(), Instant.now());
    }

    private WindowInput read(PlanningWindow window, UUID runId, Instant started) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String position = positions.readConsistently();
            WindowSize size = WindowSize.of(window, zone, readModel);
            Optional<String> tooLarge = budget.exceededBy(size);
            WindowProblem problem = tooLarge.isPresent() ? null : freeze.apply(problems.build(window));
            return new WindowInput(runId, started, window, position, size, tooLarge, problem);
        });
    }

    /** Solves what was read (outside any transaction) and commits the result, unless the solver failed. */
    public SolveRun complete(WindowInput input, Trigger trigger) {
        try {
            Solution solution = input.tooLarge().isPresent() ? null : solveTimed(input.problem());
            if (solution != null && !isSolved(solution.status())) {
                return QuarkusTransaction.requiringNew().call(() -> refused(input, trigger, solution));
            }
            return QuarkusTransaction.requiringNew().call(() -> commit(input, trigger, solution));
        } catch (RuntimeException e) {
            return failed(input.runId(), input.window(), trigger, input.started(), input.position(), e);
        }
    }

    private Solution solveTimed(WindowProblem problem) {
        return solveTimer.record(() -> solver.solve(withTimeLimit(problem.problem())));
    }

    /** A window that already has an allocation is re-solved under the shorter re-solve limit. */
    private Problem withTimeLimit(Problem problem) {
        if (problem.previous().isEmpty()) {
            return problem;
        }
        SolverOptions options = problem.options();
        return problem.withOptions(options.withTimeLimitSeconds(
                Math.min(options.timeLimitSeconds(), resolveTimeLimitSeconds)));
    }

    /** Only a solution (optimal or not) is an allocation; INFEASIBLE or MODEL_INVALID says nothing about the window. */
    private static boolean isSolved(SolveStatus status) {
        return status == SolveStatus.OPTIMAL || status == SolveStatus.FEASIBLE;
    }

    /**
     * A solve that ended without a solution is never published: the previous allocation stands, and the run is in
     * the history with the solver's status. It is not retried, since the same input gives the same answer; the
     * window's next change solves it again.
     */
    private SolveRun refused(WindowInput input, Trigger trigger, Solution solution) {
        SolveRun run = AllocationMapper.run(input.runId(), input.window(), trigger, input.started(), solution,
                input.problem().activities().size());
        run.inputSnapshot = input.position();
        run.outcome = Outcome.REFUSED;
        Optional<Allocation> previous = allocations.latest(input.window().id());
        run.allocationVersion = previous.map(a -> a.version).orElse(null);
        run.detail = "The solver ended " + solution.status() + "; "
                + previous.map(a -> "v" + a.version + " stands").orElse("nothing was published");
        failedSolve(solution.status().name());
        LOG.errorf("%s not published: %s", input.window(), run.detail);
        return finished(run);
    }

    private void failedSolve(String reason) {
        metrics.counter("rota.solver.failed.solves", "reason", reason).increment();
    }

    private SolveRun commit(WindowInput input, Trigger trigger, Solution solution) {
        allocations.lockCommits();
        PlanningWindow window = input.window();
        Allocation previous = allocations.latest(window.id()).orElse(null);
        if (previous != null && !positions.atLeastAsNew(input.position(), previous.inputSnapshot)) {
            return superseded(input, trigger, previous);
        }
        if (solution == null) {
            return tooLarge(input, trigger, previous);
        }
        WindowProblem problem = input.problem();
        FrozenWindow frozen = problem.frozen();
        solution = frozen.withoutFreezeConflicts(solution);
        UUID runId = input.runId();
        Map<UUID, KnownActivity> activities = new HashMap<>();
        problem.activities().forEach(activity -> activities.put(activity.id, activity));
        List<CurrentAssignment> current = allocations.currentAssignments(window.id());
        Set<Change> before = new HashSet<>();
        current.forEach(a -> before.add(new Change(a.activityId, a.clinicianId)));
        List<AssignmentEntry> solved = AllocationMapper.assignments(solution, activities);
        // what has started goes back as published; within the freeze horizon a change is urgent
        List<AssignmentEntry> assignments = frozen.assignments(solved, before);
        List<UnfilledEntry> unfilled = frozen.unfilled(AllocationMapper.unfilled(solution, activities));

        SolveRun run = AllocationMapper.run(runId, window, trigger, input.started(), solution,
                problem.activities().size());
        run.inputSnapshot = input.position();
        Optional<String> brokenRule = brokenRule(input, solution);
        if (brokenRule.isPresent()) {
            run.outcome = Outcome.REQUEUED;
            run.detail = brokenRule.get();
            events.windowDirty(window, "would break a rule at commit: " + brokenRule.get());
            return finished(run);
        }

        coverageWatch.judge(window);

        Set<Change> after = new HashSet<>();
        Map<UUID, Instant> starts = new HashMap<>();
        assignments.forEach(a -> {
            after.add(new Change(a.activityId(), a.clinicianId()));
            starts.put(a.activityId(), a.start());
        });
        current.forEach(a -> starts.put(a.activityId, a.start));
        List<Change> added = sorted(after.stream().filter(c -> !before.contains(c))
                .map(c -> frozen.change(c, starts.get(c.activityId()))).toList());
        List<Change> removed = sorted(before.stream().filter(c -> !after.contains(c))
                .map(c -> frozen.change(c, starts.get(c.activityId()))).toList());
        run.changedAssignments = added.size() + removed.size();

        if (previous != null && added.isEmpty() && removed.isEmpty() && sameUnfilled(previous, unfilled)) {
            run.outcome = Outcome.UNCHANGED;
            run.allocationVersion = previous.version;
            previous.inputSnapshot = input.position(); // still right at this input: older solves must not replace it
            return finished(run);
        }
        if (previous == null && assignments.isEmpty() && unfilled.isEmpty()) {
            run.outcome = Outcome.UNCHANGED;
            run.detail = "No scheduled activities in the window";
            return finished(run);
        }

        long version = previous == null ? 1 : previous.version + 1;
        AllocationEvent allocation = AllocationMapper.event(window, zone, version, runId, solution, assignments,
                unfilled, new AllocationEvent.Diff(previous == null ? null : previous.version, added, removed));
        allocations.replaceCurrentAssignments(window.id(),
                assignments.stream().map(entry -> AllocationMapper.currentAssignment(window, entry)).toList());
        publish(allocation, input.position());
        replanPinsOfReleased(window, removed);

        run.outcome = Outcome.PUBLISHED;
        run.allocationVersion = version;
        unfilledSeats.record(run.unfilledSeats);
        LOG.infof("%s v%d published: %d assignments (+%d -%d), %d unfilled seats, %s in %d ms", window, version,
                assignments.size(), added.size(), removed.size(), run.unfilledSeats, solution.status(),
                run.solveMillis);
        return finished(run);
    }

    private void publish(AllocationEvent allocation, String position) {
        allocations.store(allocation, position);
        events.allocationPublished(allocation);
        metrics.counter("rota.solver.allocations.published").increment();
    }

    /** Another replica published this window from newer input while this solve ran: its result is already out of date. */
    private SolveRun superseded(WindowInput input, Trigger trigger, Allocation current) {
        SolveRun run = runOf(input, trigger, Outcome.SUPERSEDED);
        run.allocationVersion = current.version;
        run.detail = "v" + current.version + " stands for newer input (" + current.inputSnapshot
                + ") than this solve read (" + input.position() + ")";
        return finished(run);
    }

    /**
     * A window beyond the budget is reported, not solved: subscribers get a version with status TOO_LARGE (its
     * assignments and unfilled seats are the previous version's, so nothing is silently dropped), once until the
     * window is solvable again; the solve run gives the figures.
     */
    private SolveRun tooLarge(WindowInput input, Trigger trigger, Allocation previous) {
        PlanningWindow window = input.window();
        SolveRun run = runOf(input, trigger, Outcome.TOO_LARGE);
        run.activities = (int) input.size().activities();
        run.detail = input.tooLarge().orElseThrow();
        metrics.counter("rota.solver.windows.too.large").increment();
        LOG.errorf("%s not solved: %s", window, run.detail);
        AllocationEvent before = previous == null ? null : allocations.event(previous);
        if (before != null && TOO_LARGE.equals(before.solverStatus())) {
            previous.inputSnapshot = input.position();
            run.allocationVersion = previous.version;
            return finished(run);
        }
        long version = previous == null ? 1 : previous.version + 1;
        publish(new AllocationEvent(window.id(), window.department(), window.weekStart(), window.from(zone),
                window.to(zone), version, Instant.now(), run.id, TOO_LARGE, null, null,
                before == null ? List.of() : before.assignments(), before == null ? List.of() : before.unfilled(),
                before == null ? List.of() : before.pinConflicts(),
                new AllocationEvent.Diff(previous == null ? null : previous.version, List.of(), List.of()), null, null),
                input.position());
        run.allocationVersion = version;
        return finished(run);
    }

    private SolveRun runOf(WindowInput input, Trigger trigger, Outcome outcome) {
        SolveRun run = new SolveRun();
        run.id = input.runId();
        run.windowId = input.window().id();
        run.trigger = trigger;
        run.startedAt = input.started();
        run.outcome = outcome;
        run.inputSnapshot = input.position();
        return run;
    }

    /**
     * Other windows may have published since this solve read its input: the solution is checked, under the commit
     * lock, against the clinicians' fixed work as it stands now, with the rules of the solve itself. A window that
     * would break one is re-queued, never published.
     */
    private Optional<String> brokenRule(WindowInput input, Solution solution) {
        Problem problem = input.problem().problem();
        // the fixed work as it stands now, and the window's own activities that have started (kept as published)
        List<BusyInterval> fixedWork = new ArrayList<>(problems.fixedWork(input.window(), problem.options()));
        fixedWork.addAll(input.problem().frozen().keptWork());
        List<RuleViolation> violations = solver.violations(problem.withBusy(fixedWork), solution.assignments());
        if (violations.isEmpty()) {
            return Optional.empty();
        }
        RuleViolation first = violations.get(0);
        return Optional.of(first.rule() + ": clinician " + first.clinicianId() + " on activity " + first.activityId()
                + (first.detail() == null ? "" : " (" + first.detail() + ")")
                + (violations.size() > 1 ? " and " + (violations.size() - 1) + " more" : ""));
    }

    /**
     * A pin beats an automatic assignment elsewhere: a window that released a clinician may let another window keep
     * its pin of them, which it could not while the clinician was taken here.
     */
    private void replanPinsOfReleased(PlanningWindow window, List<Change> removed) {
        Set<UUID> released = new HashSet<>();
        removed.forEach(change -> released.add(change.clinicianId()));
        WorkElsewhere.Reach reach = workElsewhere.reach(window, problems.options());
        Set<PlanningWindow> windows = new HashSet<>();
        for (UUID clinician : released) {
            windows.addAll(pins.windowsPinning(clinician, reach.from(), reach.to(), zone));
        }
        windows.remove(window);
        windows.forEach(other -> events.windowDirty(other, "a pinned clinician was released by " + window));
    }

    private boolean sameUnfilled(Allocation previous, List<UnfilledEntry> unfilled) {
        AllocationEvent before = allocations.event(previous);
        return !TOO_LARGE.equals(before.solverStatus())
                && Objects.equals(Set.copyOf(before.unfilled()), Set.copyOf(unfilled));
    }

    /**
     * Records the failure in the solve history when the database lets it; the run comes back FAILED either way, so
     * that the queue solves the window again.
     */
    private SolveRun failed(UUID runId, PlanningWindow window, Trigger trigger, Instant started, String position,
            RuntimeException e) {
        LOG.errorf(e, "Solving %s failed", window);
        failedSolve(EXCEPTION);
        SolveRun run = new SolveRun();
        run.id = runId;
        run.windowId = window.id();
        run.trigger = trigger;
        run.startedAt = started;
        run.outcome = Outcome.FAILED;
        run.inputSnapshot = position;
        String message = e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        run.detail = message.length() > 1000 ? message.substring(0, 1000) : message;
        try {
            return QuarkusTransaction.requiringNew().call(() -> finished(run));
        } catch (RuntimeException recording) {
            LOG.warnf("The failed solve of %s could not be recorded: %s", window, recording.getMessage());
            return run;
        }
    }

    private SolveRun finished(SolveRun run) {
        run.finishedAt = Instant.now();
        run.solvedBy = instanceId;
        metrics.counter("rota.solver.solves", "outcome", run.outcome.name()).increment();
        if (run.outcome != Outcome.PUBLISHED) {
            LOG.infof("%s solved (%s): %s%s", run.windowId, run.trigger, run.outcome,
                    run.detail == null ? "" : " - " + run.detail);
        }
        solveRuns.persist(run);
        return run;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown-host";
        }
    }

    private static List<Change> sorted(List<Change> changes) {
        return changes.stream().sorted(Comparator.comparing((Change c) -> c.activityId().toString())
                .thenComparing(c -> c.clinicianId().toString())).toList();
    }
}
