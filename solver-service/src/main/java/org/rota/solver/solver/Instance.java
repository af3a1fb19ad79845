package org.rota.solver.solver;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The problem turned into arrays: activities ordered by start (then id) and indexed, clinicians indexed in input order,
 * times in epoch seconds, each activity's start day and ISO week (in the zone) as small indexes.
 */
final class Instance {

    final Problem problem;
    final SolverOptions options;
    final ZoneId zone;

    final Activity[] activities;
    final Clinician[] clinicians;
    final Map<String, Integer> activityIndex = new HashMap<>();
    final Map<String, Integer> clinicianIndex = new HashMap<>();

    final long[] start;
    final long[] end;
    final int[] minutes;
    final LocalDate[] startDate;
    /** Date of the activity's last moment, so an activity ending at midnight belongs to the day before. */
    final LocalDate[] lastDate;
    final int[] day;
    final int[] week;
    final int dayCount;
    final int weekCount;
    final int[] required;
    final int totalSeats;
    /** Per clinician and day index: the day preference, or null. */
    final PreferenceKind[][] preference;

    Instance(Problem problem, SolverOptions defaults) {
        this.problem = problem;
        this.options = (problem.options() == null ? defaults : problem.options().orElse(defaults))
                .orElse(SolverOptions.defaults());
        this.zone = problem.zone();

        this.activities = problem.activities().stream()
                .sorted(Comparator.comparing(Activity::start).thenComparing(Activity::id))
                .toArray(Activity[]::new);
        this.clinicians = problem.clinicians().toArray(Clinician[]::new);
        for (int c = 0; c < clinicians.length; c++) {
            clinicianIndex.put(clinicians[c].id(), c);
        }

        int n = activities.length;
        start = new long[n];
        end = new long[n];
        minutes = new int[n];
        startDate = new LocalDate[n];
        lastDate = new LocalDate[n];
        required = new int[n];
        day = new int[n];
        week = new int[n];
        TreeMap<LocalDate, Integer> days = new TreeMap<>();
        TreeMap<Integer, Integer> weeks = new TreeMap<>();
        int seats = 0;
        for (int a = 0; a < n; a++) {
            Activity activity = activities[a];
            activityIndex.put(activity.id(), a);
            start[a] = activity.start().getEpochSecond();
            end[a] = activity.end().getEpochSecond();
            minutes[a] = (int) Math.max(1, Math.round((end[a] - start[a]) / 60.0));
            startDate[a] = dateOf(activity.start());
            lastDate[a] = dateOf(activity.end().minusNanos(1));
            required[a] = activity.seatCount();
            seats += required[a];
            days.put(startDate[a], 0);
            weeks.put(isoWeekKey(startDate[a]), 0);
        }
        totalSeats = seats;
        int i = 0;
        for (var e : days.entrySet()) {
            e.setValue(i++);
        }
        i = 0;
        for (var e : weeks.entrySet()) {
            e.setValue(i++);
        }
        dayCount = days.size();
        weekCount = weeks.size();
        for (int a = 0; a < n; a++) {
            day[a] = days.get(startDate[a]);
            week[a] = weeks.get(isoWeekKey(startDate[a]));
        }
        preference = new PreferenceKind[clinicians.length][dayCount];
        for (DayPreference wish : problem.preferences()) {
            Integer c = clinicianIndex.get(wish.clinicianId());
            Integer d = days.get(wish.date());
            if (c != null && d != null) {
                preference[c][d] = wish.kind();
            }
        }
    }

    boolean prefers(int c, int a, PreferenceKind kind) {
        return preference[c][day[a]] == kind;
    }

    LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    static int isoWeekKey(LocalDate date) {
        return date.get(IsoFields.WEEK_BASED_YEAR) * 100 + date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    int activityCount() {
        return activities.length;
    }

    int clinicianCount() {
        return clinicians.length;
    }

    boolean overlaps(int a, int b) {
        return start[a] < end[b] && start[b] < end[a];
    }

    /** True when a and b are closer than {@code restMinutes} (or overlap), so one clinician cannot do both. */
    boolean tooClose(int a, int b, int restMinutes) {
        long pad = restMinutes * 60L;
        return start[a] < end[b] + pad && start[b] < end[a] + pad;
    }

    /** Minutes of activity a scaled to a full-time equivalent, the unit of the fairness term. */
    long normalisedMinutes(int a, int c) {
        return Math.round(minutes[a] / clinicians[c].fte());
    }

    /** Lists grouped by a key that is an index; keeps the code free of boxing maps in hot paths. */
    static <T> List<List<T>> buckets(int size) {
        List<List<T>> lists = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }
}
