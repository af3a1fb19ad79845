package org.rota.solver.mapping;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rota.events.AllocationEvent;
import org.rota.events.AllocationEvent.AssignmentEntry;
import org.rota.events.AllocationEvent.Breakdown;
import org.rota.events.AllocationEvent.Diff;
import org.rota.events.AllocationEvent.PinConflictEntry;
import org.rota.events.AllocationEvent.Timings;
import org.rota.events.AllocationEvent.UnfilledEntry;
import org.rota.solver.domain.CurrentAssignment;
import org.rota.solver.domain.KnownActivity;
import org.rota.solver.domain.SolveRun;
import org.rota.solver.domain.SolveRun.Outcome;
import org.rota.solver.domain.SolveRun.Trigger;
import org.rota.solver.domain.PlanningWindow;
import org.rota.solver.solver.Solution;

/** Solver output ↔ the published allocation, the current-assignment rows and the solve-run record. */
public final class AllocationMapper {

    public static List<AssignmentEntry> assignments(Solution solution, Map<UUID, KnownActivity> activities) {
        return solution.assignments().stream()
                .map(a -> {
                    KnownActivity activity = activities.get(UUID.fromString(a.activityId()));
                    return new AssignmentEntry(activity.id, UUID.fromString(a.clinicianId()),
                            SeatMapper.toEvents(a.level()), SeatMapper.toEvents(a.seat()), activity.procedureCode,
                            activity.start, activity.end);
                })
                .sorted(Comparator.comparing(AssignmentEntry::start).thenComparing(a -> a.activityId().toString())
                        .thenComparing(a -> a.clinicianId().toString()))
                .toList();
    }

    public static List<UnfilledEntry> unfilled(Solution solution, Map<UUID, KnownActivity> activities) {
        return solution.unfilled().stream()
                .map(u -> {
                    KnownActivity activity = activities.get(UUID.fromString(u.activityId()));
                    return new UnfilledEntry(activity.id, u.seats(), u.reason().name(),
                            SeatMapper.toEvents(u.level()), u.optional(), activity.procedureCode, activity.start,
                            activity.end);
                })
                .sorted(Comparator.comparing(UnfilledEntry::start).thenComparing(u -> u.activityId().toString())
                        .thenComparing(u -> u.level() == null ? -1 : -u.level().ordinal()))
                .toList();
    }

    public static AllocationEvent event(PlanningWindow window, ZoneId zone, long version, UUID runId,
            Solution solution, List<AssignmentEntry> assignments, List<UnfilledEntry> unfilled, Diff diff) {
        var b = solution.breakdown();
        var t = solution.timings();
        List<PinConflictEntry> pinConflicts = solution.pinConflicts().stream()
                .map(p -> new PinConflictEntry(UUID.fromString(p.activityId()), UUID.fromString(p.clinicianId()),
                        p.reason().name(), p.detail()))
                .toList();
        return new AllocationEvent(window.id(), window.department(), window.weekStart(), window.from(zone),
                window.to(zone), version, Instant.now(), runId, solution.status().name(), solution.objective(),
                solution.bestBound(), assignments, unfilled, pinConflicts, diff,
                b == null ? null : new Breakdown(b.unfilledSeats(), b.unfilledOptionalSeats(),
                        b.qualifiedInsteadOfExpert(), b.undesiredDays(), b.desiredDays(), b.fairness(), b.changes()),
                t == null ? null : new Timings(t.modelMillis(), t.solveMillis(), t.firstFeasibleMillis()));
    }

    public static CurrentAssignment currentAssignment(PlanningWindow window, AssignmentEntry entry) {
        CurrentAssignment row = new CurrentAssignment();
        row.windowId = window.id();
        row.activityId = entry.activityId();
        row.clinicianId = entry.clinicianId();
        row.level = entry.level();
        row.seat = entry.seat();
        row.procedureCode = entry.procedureCode();
        row.start = entry.start();
        row.end = entry.end();
        row.urgent = entry.markedUrgent();
        return row;
    }

    public static SolveRun run(UUID id, PlanningWindow window, Trigger trigger, Instant started, Solution solution,
            int activities) {
        SolveRun run = new SolveRun();
        run.id = id;
        run.windowId = window.id();
        run.trigger = trigger;
        run.startedAt = started;
        run.outcome = Outcome.RUNNING;
        run.solverStatus = solution.status().name();
        run.objective = solution.objective() == null ? null : solution.objective().doubleValue();
        run.bestBound = solution.bestBound() == null ? null : solution.bestBound().doubleValue();
        if (solution.timings() != null) {
            run.modelMillis = solution.timings().modelMillis();
            run.solveMillis = solution.timings().solveMillis();
            run.firstFeasibleMillis = solution.timings().firstFeasibleMillis();
        }
        run.activities = activities;
        run.assignments = solution.assignments().size();
        run.unfilledSeats = solution.unfilled().stream().mapToInt(u -> u.seats()).sum();
        return run;
    }

    private AllocationMapper() {
    }
}
