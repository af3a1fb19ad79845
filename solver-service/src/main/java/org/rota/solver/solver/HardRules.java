package org.rota.solver.solver;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The working-time rules, defined once: {@link AllocationModel} encodes them as constraints, {@link HardRuleLedger}
 * checks them one assignment at a time (warm start, pins, explanations, the commit check). A clinician's work is the
 * activities they are assigned in the window plus their fixed work ({@link BusyInterval}), each one piece of work:
 * <ul>
 *   <li>no two pieces overlap;</li>
 *   <li>a duty period is a run of work (in start order) where each piece starts less than minRestMinutes after the
 *   latest end before it; it lasts at most maxDutyMinutes from its first start to its last end. Two pieces closer than
 *   the rest whose joint span exceeds maxDuty can never both be worked (REST); longer chains are DUTY_LENGTH;</li>
 *   <li>at most maxActivitiesPerDay pieces start on one date (in the zone);</li>
 *   <li>the minutes of the pieces starting in one ISO week stay within fte × the weekly cap;</li>
 *   <li>the pieces of one procedure starting in one ISO week stay within the strictest maxPerWeek of the clinician's
 *   credentials for it whose validity dates touch the week: per clinician and procedure, so a renewal mid-week
 *   neither doubles nor resets the count.</li>
 * </ul>
 */
final class HardRules {

    /** One piece of work: epoch seconds, start date and ISO week key (in the zone), procedure (or null), a name. */
    record Work(long start, long end, LocalDate date, int week, String procedure, String label) {

        int minutes() {
            return (int) Math.max(1, Math.round((end - start) / 60.0));
        }
    }

    static final Comparator<Work> BY_START = Comparator.comparingLong(Work::start).thenComparingLong(Work::end);

    private final Instance instance;
    final long restSeconds;
    final long maxDutySeconds;
    final int maxPerDay;
    private final int[] weeklyCap;
    private final Work[] activityWork;
    private final List<List<Work>> fixed;
    private final List<Map<LocalDate, Integer>> fixedPerDay;
    private final List<Map<Integer, Integer>> fixedMinutesPerWeek;
    private final List<Map<String, Integer>> fixedPerProcedureWeek;
    private final List<Map<String, OptionalInt>> procedureCaps;

    HardRules(Instance instance) {
        this.instance = instance;
        SolverOptions options = instance.options;
        restSeconds = options.minRestMinutes() * 60L;
        maxDutySeconds = options.maxDutyMinutes() * 60L;
        maxPerDay = options.maxActivitiesPerDay();
        int clinicians = instance.clinicianCount();
        weeklyCap = new int[clinicians];
        for (int c = 0; c < clinicians; c++) {
            weeklyCap[c] = instance.clinicians[c].weeklyCapMinutes(options.defaultMaxMinutesPerWeek());
        }
        activityWork = new Work[instance.activityCount()];
        for (int a = 0; a < activityWork.length; a++) {
            Activity activity = instance.activities[a];
            activityWork[a] = new Work(instance.start[a], instance.end[a], instance.startDate[a],
                    Instance.isoWeekKey(instance.startDate[a]), activity.procedureCode(), activity.id());
        }
        fixed = Instance.buckets(clinicians);
        fixedPerDay = maps(clinicians);
        fixedMinutesPerWeek = maps(clinicians);
        fixedPerProcedureWeek = maps(clinicians);
        procedureCaps = maps(clinicians);
        for (BusyInterval busy : instance.problem.busy()) {
            Integer c = instance.clinicianIndex.get(busy.clinicianId());
            if (c == null) {
                continue;
            }
            LocalDate date = instance.dateOf(busy.from());
            Work work = new Work(busy.from().getEpochSecond(), busy.until().getEpochSecond(), date,
                    Instance.isoWeekKey(date), busy.procedureCode(),
                    "fixed work " + busy.from() + "–" + busy.until()
                            + (busy.procedureCode() == null ? "" : " (" + busy.procedureCode() + ")"));
            fixed.get(c).add(work);
            fixedPerDay.get(c).merge(date, 1, Integer::sum);
            fixedMinutesPerWeek.get(c).merge(work.week(), work.minutes(), Integer::sum);
            if (work.procedure() != null) {
                fixedPerProcedureWeek.get(c).merge(procedureWeek(work.procedure(), work.week()), 1, Integer::sum);
            }
        }
        fixed.forEach(list -> list.sort(BY_START));
    }

    Work work(int a) {
        return activityWork[a];
    }

    /** The clinician's fixed work, in start order. */
    List<Work> fixed(int c) {
        return fixed.get(c);
    }

    int weeklyCap(int c) {
        return weeklyCap[c];
    }

    int fixedOnDay(int c, LocalDate date) {
        return fixedPerDay.get(c).getOrDefault(date, 0);
    }

    int fixedMinutesInWeek(int c, int week) {
        return fixedMinutesPerWeek.get(c).getOrDefault(week, 0);
    }

    int fixedOfProcedureInWeek(int c, String procedure, int week) {
        return fixedPerProcedureWeek.get(c).getOrDefault(procedureWeek(procedure, week), 0);
    }

    /** The strictest maxPerWeek of c's credentials for the procedure whose validity dates touch the ISO week. */
    OptionalInt procedureCap(int c, String procedure, int week) {
        return procedureCaps.get(c).computeIfAbsent(procedureWeek(procedure, week), key -> {
            String clinicianId = instance.clinicians[c].id();
            LocalDate monday = LocalDate.of(week / 100, 1, 4).with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR,
                    week % 100).with(DayOfWeek.MONDAY);
            LocalDate sunday = monday.plusDays(6);
            int cap = Integer.MAX_VALUE;
            for (Credential credential : instance.problem.credentials()) {
                if (credential.maxPerWeek() != null && credential.clinicianId().equals(clinicianId)
                        && credential.procedureCode().equals(procedure)
                        && (credential.validFrom() == null || !credential.validFrom().isAfter(sunday))
                        && (credential.validUntil() == null || !credential.validUntil().isBefore(monday))) {
                    cap = Math.min(cap, credential.maxPerWeek());
                }
            }
            return cap == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(cap);
        });
    }

    static boolean overlap(Work a, Work b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    /** Seconds from the end of the earlier piece to the start of the later one; negative when they overlap. */
    static long gap(Work a, Work b) {
        return Math.max(a.start() - b.end(), b.start() - a.end());
    }

    /** Two pieces closer than the rest (without overlapping) whose joint span exceeds maxDuty: never both. */
    boolean restBroken(Work a, Work b) {
        long gap = gap(a, b);
        return gap >= 0 && gap < restSeconds
                && Math.max(a.end(), b.end()) - Math.min(a.start(), b.start()) > maxDutySeconds;
    }

    boolean tooLong(Work work) {
        return work.end() - work.start() > maxDutySeconds;
    }

    /** True when {@code later} starts less than the rest after {@code earlier}'s end (or during it): one duty period. */
    boolean continues(Work earlier, Work later) {
        return later.start() - earlier.end() < restSeconds;
    }

    /** Pieces that can share a duty period with {@code work}: the others lie too far away to matter. */
    boolean near(Work work, Work other) {
        long reach = restSeconds + maxDutySeconds;
        return other.start() < work.end() + reach && work.start() < other.end() + reach;
    }

    /**
     * The span in seconds of the duty period that contains {@code work}, among {@code others} (any order) and it: the
     * period grows by every piece that starts less than the rest after its latest end or ends less than the rest
     * before its first start, until none does — the run of the start-ordered definition that contains the work.
     */
    long dutySpan(Work work, List<Work> others) {
        long first = work.start();
        long last = work.end();
        boolean grown = true;
        while (grown) {
            grown = false;
            for (Work piece : others) {
                if (piece.end() > first - restSeconds && piece.start() < last + restSeconds
                        && (piece.start() < first || piece.end() > last)) {
                    first = Math.min(first, piece.start());
                    last = Math.max(last, piece.end());
                    grown = true;
                }
            }
        }
        return last - first;
    }

    private static String procedureWeek(String procedure, int week) {
        return week + "/" + procedure;
    }

    private static <K, V> List<Map<K, V>> maps(int size) {
        List<Map<K, V>> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(new HashMap<>());
        }
        return list;
    }
}
