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
    /** Per clinician: the day preferences by date (in the zone). */
    final List<Map<LocalDate, PreferenceKind>> preference;
    /** Per activity: its seat groups and supervision ratio. */
    final SeatPlan[] seats;
    /**
     * Per clinician: what their minutes are divided by to make the fairness load, fte × the share of the window's
     * working time they are available, never below {@link #MIN_LOAD_DIVISOR}.
     */
    final double[] loadDivisor;

    /**
     * A clinician nearly never available (or on a tiny fte) would turn one assignment into hundreds of normalised
     * hours: below a tenth of a full-time week the divisor stays at a tenth, so that one outlier cannot outweigh seats.
     */
    static final double MIN_LOAD_DIVISOR = 0.1;

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
        int seatTotal = 0;
        for (int a = 0; a < n; a++) {
            Activity activity = activities[a];
            activityIndex.put(activity.id(), a);
            start[a] = activity.start().getEpochSecond();
            end[a] = activity.end().getEpochSecond();
            minutes[a] = (int) Math.max(1, Math.round((end[a] - start[a]) / 60.0));
            startDate[a] = dateOf(activity.start());
            lastDate[a] = dateOf(activity.end().minusNanos(1));
            required[a] = activity.seatCount();
            seatTotal += required[a];
            days.put(startDate[a], 0);
            weeks.put(isoWeekKey(startDate[a]), 0);
        }
        totalSeats = seatTotal;
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
        preference = new ArrayList<>(clinicians.length);
        for (int c = 0; c < clinicians.length; c++) {
            preference.add(new HashMap<>());
        }
        for (DayPreference wish : problem.preferences()) {
            Integer c = clinicianIndex.get(wish.clinicianId());
            if (c != null) {
                preference.get(c).put(wish.date(), wish.kind());
            }
        }
        seats = new SeatPlan[n];
        for (int a = 0; a < n; a++) {
            seats[a] = new SeatPlan(activities[a], options.weights(), options.traineesPerSupervisor());
        }
        loadDivisor = new double[clinicians.length];
        WorkingTime window = WorkingTime.of(this);
        for (int c = 0; c < clinicians.length; c++) {
            loadDivisor[c] = Math.max(MIN_LOAD_DIVISOR, clinicians[c].fte() * window.availableShare(c));
        }
    }

    /** The minutes of activity a that fall on dates (in the zone) the clinician marked with {@code kind}. */
    int minutesOn(int c, int a, PreferenceKind kind) {
        Map<LocalDate, PreferenceKind> wishes = preference.get(c);
        if (wishes.isEmpty()) {
            return 0;
        }
        long seconds = 0;
        for (LocalDate date = startDate[a]; !date.isAfter(lastDate[a]); date = date.plusDays(1)) {
            if (wishes.get(date) == kind) {
                long from = Math.max(start[a], date.atStartOfDay(zone).toEpochSecond());
                long until = Math.min(end[a], date.plusDays(1).atStartOfDay(zone).toEpochSecond());
                seconds += Math.max(0, until - from);
            }
        }
        return (int) Math.round(seconds / 60.0);
    }

    /**
     * A day preference's cost: the weight is per hour, the minutes on the day count, rounded half up to a whole unit
     * once per assignment (the model, the evaluator and the searches all price a pair with this).
     */
    static long perHour(long minutes, long weightPerHour) {
        return (minutes * weightPerHour + 30) / 60;
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

    /** Minutes of activity a divided by the clinician's {@link #loadDivisor}: the unit of the fairness term. */
    long normalisedMinutes(int a, int c) {
        return Math.round(minutes[a] / loadDivisor[c]);
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
