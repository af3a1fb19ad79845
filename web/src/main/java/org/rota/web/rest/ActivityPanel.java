package org.rota.web.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rota.events.AllocationEvent.AssignmentEntry;
import org.rota.web.client.SolverViews.ActivityAllocation;
import org.rota.web.client.SolverViews.Candidate;
import org.rota.web.client.SolverViews.PinView;
import org.rota.web.client.SolverViews.SolveRun;
import org.rota.web.live.AllocationHistory;

/**
 * An activity's panel: who staffs it in which seat, every other clinician of the department with the rule that
 * keeps them out, the pins, the allocation versions with what each changed here, and the outcome of a pin attempt.
 */
public record ActivityPanel(ActivityAllocation activity, String when, LocalDate monday, List<Staffing> staff,
        List<Candidate> others, List<PinnedClinician> pins, List<HistoryLine> history, List<SolveRun> solves,
        Viewer viewer, Refusal refusal, String notice) {

    public record Staffing(UUID clinicianId, String name, String level, String seat, boolean urgent) {
    }

    public record PinnedClinician(UUID pinId, UUID clinicianId, String name) {
    }

    public record HistoryLine(long version, String publishedAt, String solverStatus, List<String> added,
            List<String> removed) {

        public boolean changedHere() {
            return !added.isEmpty() || !removed.isEmpty();
        }
    }

    /** A pin solver-service refused: the rule it would break and what it met. */
    public record Refusal(String clinicianName, String rule, String detail) {
    }

    static ActivityPanel of(ActivityAllocation activity, String when, LocalDate monday, List<PinView> pins,
            List<AllocationHistory.Version> versions, List<SolveRun> solves, Viewer viewer, Refusal refusal,
            String notice, java.time.ZoneId zone) {
        Map<UUID, String> names = new java.util.HashMap<>();
        activity.candidates().forEach(c -> names.put(c.clinicianId(), c.displayName()));
        List<Staffing> staff = activity.assignments().stream()
                .map((AssignmentEntry a) -> new Staffing(a.clinicianId(), names.getOrDefault(a.clinicianId(),
                        a.clinicianId().toString()), a.level() == null ? null : a.level().name(),
                        a.seat() == null ? null : a.seat().name(), a.markedUrgent()))
                .toList();
        List<Candidate> others = activity.candidates().stream().filter(c -> !c.assigned()).toList();
        List<PinnedClinician> pinned = pins.stream()
                .map(p -> new PinnedClinician(p.id(), p.clinicianId(), names.getOrDefault(p.clinicianId(),
                        p.clinicianId().toString())))
                .toList();
        java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        List<HistoryLine> history = versions.stream()
                .map(v -> new HistoryLine(v.version(), v.publishedAt() == null ? "" : format.format(v.publishedAt()),
                        v.solverStatus(), v.added().stream().map(id -> names.getOrDefault(id, id.toString())).toList(),
                        v.removed().stream().map(id -> names.getOrDefault(id, id.toString())).toList()))
                .toList();
        return new ActivityPanel(activity, when, monday, staff, others, pinned, history, solves, viewer, refusal,
                notice);
    }

    public boolean pinnable(Candidate candidate) {
        return viewer.canPin() && pins.stream().noneMatch(p -> p.clinicianId().equals(candidate.clinicianId()));
    }
}
