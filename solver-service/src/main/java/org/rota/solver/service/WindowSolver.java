package org.rota.solver.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.rota.events.AllocationEvent;
import org.rota.events.AllocationEvent.AssignmentEntry;
import org.rota.events.AllocationEvent.Change;
import org.rota.events.AllocationEvent.UnfilledEntry;
import org.rota.solver.config.SolverConfig;
import org.rota.solver.domain.Allocation;
import org.rota.solver.domain.CurrentAssignment;
import org.rota.solver.domain.KnownActivity;
import org.rota.solver.domain.SolveRun;
import org.rota.solver.domain.SolveRun.Outcome;
import org.rota.solver.domain.SolveRun.Trigger;
import org.rota.solver.mapping.AllocationMapper;
import org.rota.solver.outbox.SolverEvents;
import org.rota.solver.service.ProblemBuilder.WindowProblem;
import org.rota.solver.solver.AllocationSolver;
import org.rota.solver.solver.Problem;
import org.rota.solver.solver.Solution;
import org.rota.solver.solver.SolverOptions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Solves one planning window and, when the result differs from the current allocation, stores it as the window's next
 * version and publishes it. The solve itself runs outside any transaction; the commit is short and serialised across
 * replicas, so two windows cannot both take one clinician at overlapping times: the later commit re-queues its window.
 */
@ApplicationScoped
public class WindowSolver {

    private static final Logger LOG = Logger.getLogger(WindowSolver.class);
    /** Arbitrary constant naming the advisory lock that serialises allocation commits. */
    private static final long COMMIT_LOCK = 0x526f7461416c6cL;

    private final EntityManager em;
    private final ProblemBuilder problems;
    private final SolverEvents events;
    private final ObjectMapper json;
    private final ZoneId zone;
    private final String instanceId;
    private final double resolveTimeLimitSeconds;
    private final AllocationSolver solver;
    private final Timer solveTimer;
    private final MeterRegistry metrics;
    private final Map<String, AtomicInteger> unfilledSeats = new ConcurrentHashMap<>();

    WindowSolver(EntityManager em, ProblemBuilder problems, SolverEvents events, ObjectMapper json,
            SolverConfig config, MeterRegistry metrics) {
        this.em = em;
        this.problems = problems;
        this.events = events;
        this.json = json;
        this.zone = config.zone();
        this.resolveTimeLimitSeconds = config.resolveTimeLimitSeconds();
        this.instanceId = config.instanceId().orElseGet(() -> ProcessHandle.current().pid() + "@" + hostName());
        this.solver = new AllocationSolver(problems.options());
        this.metrics = metrics;
        this.solveTimer = Timer.builder("rota.solver.solve.duration").description("Wall time of one window solve")
                .publishPercentiles(0.5, 0.95).register(metrics);
    }

    public SolveRun solve(PlanningWindow window, Trigger trigger) {
        UUID runId = UUID.randomUUID();
        Instant started = Instant.now();
        try {
            WindowProblem problem = QuarkusTransaction.requiringNew().call(() -> problems.build(window));
            Solution solution = solveTimed(problem);
            return QuarkusTransaction.requiringNew().call(() -> commit(runId, trigger, started, problem, solution));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Solving %s failed", window);
            return QuarkusTransaction.requiringNew().call(() -> failed(runId, window, trigger, started, e));
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
        double limit = Math.min(options.timeLimitSeconds(), resolveTimeLimitSeconds);
        return problem.withOptions(new SolverOptions(limit, options.workers(), options.seed(), options.minRestMinutes(),
                options.maxActivitiesPerDay(), options.weights()));
    }

    private SolveRun commit(UUID runId, Trigger trigger, Instant started, WindowProblem problem, Solution solution) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:lock)").setParameter("lock", COMMIT_LOCK).getSingleResult();
        PlanningWindow window = problem.window();
        Map<UUID, KnownActivity> activities = new HashMap<>();
        problem.activities().forEach(activity -> activities.put(activity.id, activity));
        List<AssignmentEntry> assignments = AllocationMapper.assignments(solution, activities);
        List<UnfilledEntry> unfilled = AllocationMapper.unfilled(solution, activities);

        SolveRun run = AllocationMapper.run(runId, window, trigger, started, solution, problem.activities().size());
        Optional<String> doubleBooking = doubleBooking(window, assignments);
        if (doubleBooking.isPresent()) {
            run.outcome = Outcome.REQUEUED;
            run.detail = doubleBooking.get();
            events.windowDirty(window, "double booking avoided: " + doubleBooking.get());
            return finished(run);
        }

        List<CurrentAssignment> current = em.createQuery(
                "SELECT a FROM CurrentAssignment a WHERE a.windowId = :window", CurrentAssignment.class)
                .setParameter("window", window.id()).getResultList();
        Allocation previous = latest(window);
        Set<Change> before = new HashSet<>();
        current.forEach(a -> before.add(new Change(a.activityId, a.clinicianId)));
        Set<Change> after = new HashSet<>();
        assignments.forEach(a -> after.add(new Change(a.activityId(), a.clinicianId())));
        List<Change> added = sorted(after.stream().filter(c -> !before.contains(c)).toList());
        List<Change> removed = sorted(before.stream().filter(c -> !after.contains(c)).toList());
        run.changedAssignments = added.size() + removed.size();

        if (previous != null && added.isEmpty() && removed.isEmpty() && sameUnfilled(previous, unfilled)) {
            run.outcome = Outcome.UNCHANGED;
            run.allocationVersion = previous.version;
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
        current.forEach(em::remove);
        em.flush();
        assignments.forEach(entry -> em.persist(AllocationMapper.currentAssignment(window, entry)));
        Allocation stored = new Allocation();
        stored.id = UUID.randomUUID();
        stored.windowId = window.id();
        stored.version = version;
        stored.publishedAt = allocation.publishedAt();
        stored.document = toJson(allocation);
        em.persist(stored);
        events.allocationPublished(allocation);

        run.outcome = Outcome.PUBLISHED;
        run.allocationVersion = version;
        metrics.counter("rota.solver.allocations.published").increment();
        unfilledSeats.computeIfAbsent(window.id(), id -> metrics.gauge("rota.solver.unfilled.seats",
                Tags.of("window", id), new AtomicInteger())).set(run.unfilledSeats);
        LOG.infof("%s v%d published: %d assignments (+%d -%d), %d unfilled seats, %s in %d ms", window, version,
                assignments.size(), added.size(), removed.size(), run.unfilledSeats, solution.status(),
                run.solveMillis);
        return finished(run);
    }

    /** Another window may have taken one of these clinicians at an overlapping time since this solve started. */
    private Optional<String> doubleBooking(PlanningWindow window, List<AssignmentEntry> assignments) {
        for (AssignmentEntry entry : assignments) {
            List<CurrentAssignment> clashes = em.createQuery("SELECT a FROM CurrentAssignment a"
                    + " WHERE a.clinicianId = :clinician AND a.windowId <> :window AND a.start < :end AND a.end > :start",
                    CurrentAssignment.class)
                    .setParameter("clinician", entry.clinicianId()).setParameter("window", window.id())
                    .setParameter("start", entry.start()).setParameter("end", entry.end())
                    .setMaxResults(1).getResultList();
            if (!clashes.isEmpty()) {
                return Optional.of("clinician " + entry.clinicianId() + " is taken in " + clashes.get(0).windowId);
            }
        }
        return Optional.empty();
    }

    private Allocation latest(PlanningWindow window) {
        return em.createQuery("SELECT a FROM Allocation a WHERE a.windowId = :window ORDER BY a.version DESC",
                Allocation.class).setParameter("window", window.id()).setMaxResults(1).getResultStream()
                .findFirst().orElse(null);
    }

    private boolean sameUnfilled(Allocation previous, List<UnfilledEntry> unfilled) {
        try {
            AllocationEvent before = json.readValue(previous.document, AllocationEvent.class);
            return Objects.equals(Set.copyOf(before.unfilled()), Set.copyOf(unfilled));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private SolveRun failed(UUID runId, PlanningWindow window, Trigger trigger, Instant started, RuntimeException e) {
        SolveRun run = new SolveRun();
        run.id = runId;
        run.windowId = window.id();
        run.trigger = trigger;
        run.startedAt = started;
        run.outcome = Outcome.FAILED;
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        run.detail = message.length() > 1000 ? message.substring(0, 1000) : message;
        return finished(run);
    }

    private SolveRun finished(SolveRun run) {
        run.finishedAt = Instant.now();
        run.solvedBy = instanceId;
        if (run.outcome != Outcome.PUBLISHED) {
            LOG.infof("%s solved (%s): %s%s", run.windowId, run.trigger, run.outcome,
                    run.detail == null ? "" : " - " + run.detail);
        }
        em.persist(run);
        return run;
    }

    private String toJson(AllocationEvent allocation) {
        try {
            return json.writeValueAsString(allocation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
