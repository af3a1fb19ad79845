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
import org.jboss.logging.Logger;
import org.rota.solver.config.SolverConfig;
import org.rota.solver.mapping.SeatMapper;
import org.rota.solver.repository.AllocationRepository;
import org.rota.solver.service.ProblemBuilder.WindowProblem;
import org.rota.solver.solver.Activity;
import org.rota.solver.solver.Assignment;
import org.rota.solver.solver.BusyInterval;
import org.rota.solver.solver.Pin;
import org.rota.solver.solver.Problem;
import org.rota.solver.solver.RuleViolation;

/**
 * What a re-solve may not change, judged at the clock's now against the window's published allocation.
 * <ul>
 * <li>An activity that has started (or ended) keeps its entries as published: it leaves the solve, its assignments
 * stay in the clinicians' fixed work (so they still count for rest, duty length and the caps) and go back into the
 * allocation unchanged.</li>
 * <li>An activity starting within {@code solver.freeze-hours} keeps its published assignees, as pins, unless an
 * assignee can no longer serve: the core's commit check (the same eligibility and working-time rules as the model,
 * earliest activity first) names who cannot, and their seats are re-planned. Every change to such an activity is
 * urgent.</li>
 * </ul>
 * A window that has never been published has nothing to keep and nothing urgent, and an activity absent from the
 * published allocation (added since) is planned like any other.
 */
@ApplicationScoped
public class FreezePolicy {

    private static final Logger LOG = Logger.getLogger(FreezePolicy.class);

    private final Clock clock;
    private final Duration horizon;
    private final AllocationRepository allocations;
    private final CoreSolver checker;

    FreezePolicy(Clock clock, SolverConfig config, AllocationRepository allocations, CoreSolver checker) {
        this.clock = clock;
        this.horizon = Duration.ofHours(config.freezeHours());
        this.allocations = allocations;
        this.checker = checker;
    }

    /** The window's problem with its past and its freeze horizon applied, against its published allocation. */
    public WindowProblem apply(WindowProblem built) {
        Optional<AllocationEvent> published = allocations.latest(built.window().id()).map(allocations::event);
        FrozenWindow frozen = freeze(built.problem(), published);
        return new WindowProblem(built.window(), frozen.solvable(), built.activities(), frozen);
    }

    FrozenWindow freeze(Problem problem, Optional<AllocationEvent> published) {
        Instant now = clock.instant();
        if (published.isEmpty()) {
            return new FrozenWindow(now, now, problem, List.of(), List.of(), Set.of(), Set.of());
        }
        Instant horizonEnd = now.plus(horizon);
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
        busy.addAll(FrozenWindow.work(keptAssignments));

        List<Pin> pins = new ArrayList<>(problem.pins().stream()
                .filter(p -> !started.contains(p.activityId())).toList());
        Problem withoutPast = new Problem(problem.zone(), problem.clinicians(), problem.credentials(),
                problem.activities().stream().filter(a -> !started.contains(a.id())).toList(), problem.absences(),
                problem.preferences(), pins,
                problem.previous().stream().filter(p -> !started.contains(p.activityId())).toList(), busy,
                problem.options());

        List<Assignment> frozenAssignees = allocation.assignments().stream()
                .filter(a -> {
                    Activity activity = activities.get(a.activityId().toString());
                    return activity != null && !started.contains(activity.id())
                            && !activity.start().isAfter(horizonEnd);
                })
                .map(a -> new Assignment(a.activityId().toString(), a.clinicianId().toString(), null,
                        SeatMapper.toSolver(a.seat())))
                .toList();
        Set<Pin> cannotServe = new HashSet<>();
        for (RuleViolation violation : checker.violations(withoutPast, frozenAssignees)) {
            cannotServe.add(new Pin(violation.activityId(), violation.clinicianId()));
            LOG.infof("Frozen assignee %s of activity %s can no longer serve (%s: %s): re-planned, urgent",
                    violation.clinicianId(), violation.activityId(), violation.rule(), violation.detail());
        }
        Set<Pin> scheduled = Set.copyOf(pins);
        Set<Pin> freezePins = new HashSet<>();
        for (Assignment a : frozenAssignees) {
            Pin pin = new Pin(a.activityId(), a.clinicianId());
            if (!cannotServe.contains(pin) && !scheduled.contains(pin)) {
                pins.add(pin);
                freezePins.add(pin);
            }
        }
        Problem solvable = withoutPast.withPins(pins);
        Set<AllocationEvent.Change> urgentBefore = allocation.assignments().stream()
                .filter(AssignmentEntry::markedUrgent)
                .map(a -> new AllocationEvent.Change(a.activityId(), a.clinicianId()))
                .collect(Collectors.toSet());
        return new FrozenWindow(now, horizonEnd, solvable, keptAssignments, keptUnfilled, freezePins, urgentBefore);
    }
}
