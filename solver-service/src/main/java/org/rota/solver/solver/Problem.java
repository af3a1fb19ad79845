package org.rota.solver.solver;

import java.time.ZoneId;
import java.util.List;

/**
 * One solve's input, the what-if request of the design. Dates (credential validity, preferences, days and ISO weeks
 * of activities) are judged in {@code zone}. Omitted lists are empty, an omitted zone is UTC, omitted options take
 * the solver's defaults.
 */
public record Problem(ZoneId zone, List<Clinician> clinicians, List<Credential> credentials, List<Activity> activities,
                      List<Absence> absences, List<DayPreference> preferences, List<Pin> pins,
                      List<PreviousAssignment> previous, List<BusyInterval> busy, SolverOptions options) {

    public Problem {
        zone = zone == null ? ZoneId.of("UTC") : zone;
        clinicians = copy(clinicians, "clinicians");
        credentials = copy(credentials, "credentials");
        activities = copy(activities, "activities");
        absences = copy(absences, "absences");
        preferences = copy(preferences, "preferences");
        pins = copy(pins, "pins");
        previous = copy(previous, "previous");
        busy = copy(busy, "busy");
        requireUniqueIds(clinicians.stream().map(Clinician::id).toList(), "clinicians[].id");
        requireUniqueIds(activities.stream().map(Activity::id).toList(), "activities[].id");
    }

    public Problem withOptions(SolverOptions replacement) {
        return new Problem(zone, clinicians, credentials, activities, absences, preferences, pins, previous, busy,
                replacement);
    }

    public Problem withPrevious(List<PreviousAssignment> replacement) {
        return new Problem(zone, clinicians, credentials, activities, absences, preferences, pins, replacement, busy,
                options);
    }

    public Problem withCredentials(List<Credential> replacement) {
        return new Problem(zone, clinicians, replacement, activities, absences, preferences, pins, previous, busy,
                options);
    }

    public Problem withPins(List<Pin> replacement) {
        return new Problem(zone, clinicians, credentials, activities, absences, preferences, replacement, previous, busy,
                options);
    }

    /** The same problem with other fixed work, e.g. as it stands when a solution is about to be committed. */
    public Problem withBusy(List<BusyInterval> replacement) {
        return new Problem(zone, clinicians, credentials, activities, absences, preferences, pins, previous, replacement,
                options);
    }

    private static <T> List<T> copy(List<T> list, String field) {
        if (list == null) {
            return List.of();
        }
        for (T element : list) {
            Checks.require(element != null, field, "must not contain null");
        }
        return List.copyOf(list);
    }

    private static void requireUniqueIds(List<String> ids, String field) {
        var seen = new java.util.HashSet<String>();
        for (String id : ids) {
            Checks.require(seen.add(id), field, "is duplicated: " + id);
        }
    }
}
