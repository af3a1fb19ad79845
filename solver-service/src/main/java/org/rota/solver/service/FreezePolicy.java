package org.rota.solver.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.rota.events.AllocationEvent;
import org.rota.events.AllocationEvent.AssignmentEntry;
import org.rota.events.AllocationEvent.UnfilledEntry;
import org.rota.solver.config.SolverConfig;
import org.rota.solver.solver.Activity;
import org.rota.solver.solver.BusyInterval;
import org.rota.solver.solver.Pin;
import org.rota.solver.solver.Problem;

/**
 * What a re-solve may not change, judged at the clock's now against the window's published allocation.
 * <ul>
 * <li>An activity that has started (or ended) keeps its entries as published: it leaves the solve, its assignments
 * stay in the clinicians' fixed work (so they still count for rest, duty length and the caps) and go back into the
 * allocation unchanged.</li>
 * <li>An activity starting within {@code solver.freeze-hours} keeps its published assignees as pins: the core keeps a
 * pin unless the clinician can no longer serve (its eligibility and hard-rule checks, the same as the model's), and
 * then the seat is re-planned. Every change to such an activity is urgent.</li>
 * </ul>
 * A window that has never been published has nothing to keep, and an activity absent from the published allocation
 * (added since) is planned like any other.
 */
@ApplicationScoped
public class FreezePolicy {

    private final Clock clock;
    private final Duration horizon;

    FreezePolicy(Clock clock, SolverConfig config) {
        this.clock = clock;
        this.horizon = Duration.ofHours(config.freezeHours());
    }

    public FrozenWindow freeze(Problem problem, Optional<AllocationEvent> published) {
        Instant now = clock.instant();
        Instant horizonEnd = now.plus(horizon);
        if (published.isEmpty()) {
            return new FrozenWindow(now, horizonEnd, problem, List.of(), List.of(), Set.of(), Set.of());
        }
        AllocationEvent allocation = published.get();
        Set<String> publishedActivities = new HashSet<>();
        allocation.assignments().forEach(a -> publishedActivities.add(a.activityId().toString()));
        allocation.unfilled().forEach(u -> publishedActivities.add(u.activityId().toString()));
        Map<String, Activity> activities = problem.activities().stream()
                .collect(Collectors.toMap(Activity::id, Function.identity()));
        Set<String> started = activities.values().stream()
                .filter(a -> !a.start().isAfter(now) && publishedActivities.contains(a.id()))
                .map(Activity::id).collect(Collectors.toSet());

        List<AssignmentEntry> keptAssignments = allocation.assignments().stream()
                .filter(a -> started.contains(a.activityId().toString())).toList();
        List<UnfilledEntry> keptUnfilled = allocation.unfilled().stream()
                .filter(u -> started.contains(u.activityId().toString())).toList();
        List<BusyInterval> busy = new ArrayList<>(problem.busy());
        keptAssignments.forEach(a -> busy.add(new BusyInterval(a.clinicianId().toString(), a.start(), a.end(),
                a.procedureCode())));

        List<Pin> pins = new ArrayList<>(problem.pins().stream()
                .filter(p -> !started.contains(p.activityId())).toList());
        Set<Pin> scheduled = Set.copyOf(pins);
        Set<Pin> freezePins = new HashSet<>();
        for (AssignmentEntry a : allocation.assignments()) {
            Activity activity = activities.get(a.activityId().toString());
            Pin pin = new Pin(a.activityId().toString(), a.clinicianId().toString());
            if (activity != null && !started.contains(activity.id()) && !activity.start().isAfter(horizonEnd)
                    && !scheduled.contains(pin)) {
                pins.add(pin);
                freezePins.add(pin);
            }
        }

        Problem solvable = new Problem(problem.zone(), problem.clinicians(), problem.credentials(),
                problem.activities().stream().filter(a -> !started.contains(a.id())).toList(), problem.absences(),
                problem.preferences(), pins,
                problem.previous().stream().filter(p -> !started.contains(p.activityId())).toList(), busy,
                problem.options());
        Set<AllocationEvent.Change> urgentBefore = allocation.assignments().stream()
                .filter(AssignmentEntry::isUrgent)
                .map(a -> new AllocationEvent.Change(a.activityId(), a.clinicianId()))
                .collect(Collectors.toSet());
        return new FrozenWindow(now, horizonEnd, solvable, keptAssignments, keptUnfilled, freezePins, urgentBefore);
    }
}
