package org.rota.solver.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.rota.events.AllocationEvent.AssignmentEntry;
import org.rota.events.AllocationEvent.Change;
import org.rota.events.AllocationEvent.UnfilledEntry;
import org.rota.solver.solver.BusyInterval;
import org.rota.solver.solver.Pin;
import org.rota.solver.solver.Problem;
import org.rota.solver.solver.Solution;

/**
 * A window's problem with the past taken out and the freeze horizon pinned (see {@link FreezePolicy}), and what goes
 * back into its allocation once solved.
 *
 * @param solvable the problem to solve: activities that have not started, published assignees within the horizon
 *        pinned, the started activities' assignments as fixed work
 * @param keptAssignments the started activities' published assignments
 * @param keptUnfilled the started activities' published unfilled seats
 * @param freezePins the pins the freeze added (not a scheduler's)
 * @param urgentBefore the published assignments that were already urgent
 */
public record FrozenWindow(Instant now, Instant horizonEnd, Problem solvable, List<AssignmentEntry> keptAssignments,
        List<UnfilledEntry> keptUnfilled, Set<Pin> freezePins, Set<Change> urgentBefore) {

    /** Nothing frozen, nothing urgent: the problem as built. */
    public static FrozenWindow nothing(Problem problem) {
        return new FrozenWindow(Instant.MIN, Instant.MIN, problem, List.of(), List.of(), Set.of(), Set.of());
    }

    /** The started activities' assignments as the clinicians' fixed work: they count for every hard rule. */
    public List<BusyInterval> keptWork() {
        return work(keptAssignments);
    }

    static List<BusyInterval> work(List<AssignmentEntry> assignments) {
        return assignments.stream().map(a -> new BusyInterval(a.clinicianId().toString(), a.start(), a.end(),
                a.procedureCode())).toList();
    }

    /** A change to an activity starting within the horizon must reach the people concerned now. */
    public boolean urgent(Instant activityStart) {
        return activityStart.isAfter(now) && !activityStart.isAfter(horizonEnd);
    }

    /** The solved assignments, urgent where made within the horizon (or already urgent), and the kept ones. */
    public List<AssignmentEntry> assignments(List<AssignmentEntry> solved, Set<Change> published) {
        List<AssignmentEntry> all = new ArrayList<>(keptAssignments);
        for (AssignmentEntry a : solved) {
            Change pair = new Change(a.activityId(), a.clinicianId());
            boolean urgent = urgentBefore.contains(pair) || urgent(a.start()) && !published.contains(pair);
            all.add(new AssignmentEntry(a.activityId(), a.clinicianId(), a.level(), a.seat(), a.procedureCode(),
                    a.start(), a.end(), urgent ? Boolean.TRUE : null));
        }
        all.sort(Comparator.comparing(AssignmentEntry::start).thenComparing(a -> a.activityId().toString())
                .thenComparing(a -> a.clinicianId().toString()));
        return all;
    }

    public List<UnfilledEntry> unfilled(List<UnfilledEntry> solved) {
        List<UnfilledEntry> all = new ArrayList<>(keptUnfilled);
        all.addAll(solved);
        all.sort(Comparator.comparing(UnfilledEntry::start).thenComparing(u -> u.activityId().toString()));
        return all;
    }

    /** The change, marked urgent when its activity starts within the horizon. */
    public Change change(Change pair, Instant activityStart) {
        return new Change(pair.activityId(), pair.clinicianId(), urgent(activityStart) ? Boolean.TRUE : null);
    }

    /**
     * The solution without the conflicts of the freeze's own pins: an assignee who can no longer serve is re-planned,
     * which the urgent change reports; only a scheduler's pins are the scheduler's conflicts.
     */
    public Solution withoutFreezeConflicts(Solution solution) {
        if (freezePins.isEmpty()) {
            return solution;
        }
        return new Solution(solution.status(), solution.objective(), solution.bestBound(), solution.assignments(),
                solution.unfilled(), solution.pinConflicts().stream()
                        .filter(c -> !freezePins.contains(new Pin(c.activityId(), c.clinicianId()))).toList(),
                solution.breakdown(), solution.timings());
    }
}
