package org.rota.solver.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hard rules checked one assignment at a time, outside the model: used to accept pins and to build the greedy
 * start. It mirrors the model's hard constraints exactly, so whatever it accepts is feasible for CP-SAT too.
 */
final class HardRuleLedger {

    record Violation(PinConflictReason reason, String detail) {
    }

    private final Instance instance;
    private final Eligibility eligibility;
    private final int restMinutes;
    private final int maxPerDay;
    private final List<List<Integer>> takenActivities;
    private final int[][] activitiesPerDay;
    private final int[][] minutesPerWeek;
    private final int[] weeklyCap;
    private final Map<Long, Integer> credentialUsesPerWeek = new HashMap<>();
    private final int[] seatsTaken;

    HardRuleLedger(Instance instance, Eligibility eligibility) {
        this.instance = instance;
        this.eligibility = eligibility;
        this.restMinutes = instance.options.minRestMinutes();
        this.maxPerDay = instance.options.maxActivitiesPerDay();
        int clinicians = instance.clinicianCount();
        takenActivities = new ArrayList<>(clinicians);
        for (int c = 0; c < clinicians; c++) {
            takenActivities.add(new ArrayList<>());
        }
        activitiesPerDay = new int[clinicians][instance.dayCount];
        minutesPerWeek = new int[clinicians][instance.weekCount];
        weeklyCap = new int[clinicians];
        for (int c = 0; c < clinicians; c++) {
            weeklyCap[c] = instance.clinicians[c].weeklyCapMinutes().orElse(Integer.MAX_VALUE);
        }
        seatsTaken = new int[instance.activityCount()];
    }

    boolean hasFreeSeat(int a) {
        return seatsTaken[a] < instance.required[a];
    }

    int seatsTaken(int a) {
        return seatsTaken[a];
    }

    /** The first hard rule that taking pair p would break, or null when p fits. Seats are not checked here. */
    Violation check(int p) {
        int a = eligibility.activity[p];
        int c = eligibility.clinician[p];
        for (int b : takenActivities.get(c)) {
            if (b == a || instance.overlaps(a, b)) {
                return new Violation(PinConflictReason.OVERLAPPING_ACTIVITY,
                        "overlaps " + instance.activities[b].id() + " of the same clinician");
            }
            if (restMinutes > 0 && instance.tooClose(a, b, restMinutes)) {
                return new Violation(PinConflictReason.MINIMUM_REST, "less than " + restMinutes
                        + " minutes of rest from " + instance.activities[b].id());
            }
        }
        if (activitiesPerDay[c][instance.day[a]] + 1 > maxPerDay) {
            return new Violation(PinConflictReason.MAX_ACTIVITIES_PER_DAY,
                    "already " + maxPerDay + " activities on " + instance.startDate[a]);
        }
        if ((long) minutesPerWeek[c][instance.week[a]] + instance.minutes[a] > weeklyCap[c]) {
            return new Violation(PinConflictReason.WEEKLY_MINUTES,
                    "weekly cap of " + weeklyCap[c] + " minutes (fte-adjusted) exceeded");
        }
        int k = eligibility.credential[p];
        if (k >= 0) {
            Integer cap = instance.problem.credentials().get(k).maxPerWeek();
            if (cap != null && credentialUsesPerWeek.getOrDefault(credentialWeek(k, a), 0) + 1 > cap) {
                return new Violation(PinConflictReason.CREDENTIAL_MAX_PER_WEEK, "credential allows " + cap + " "
                        + instance.activities[a].procedureCode() + " activities per week");
            }
        }
        return null;
    }

    void take(int p) {
        int a = eligibility.activity[p];
        int c = eligibility.clinician[p];
        takenActivities.get(c).add(a);
        activitiesPerDay[c][instance.day[a]]++;
        minutesPerWeek[c][instance.week[a]] += instance.minutes[a];
        int k = eligibility.credential[p];
        if (k >= 0) {
            credentialUsesPerWeek.merge(credentialWeek(k, a), 1, Integer::sum);
        }
        seatsTaken[a]++;
    }

    /** Undoes {@link #take(int)}. */
    void release(int p) {
        int a = eligibility.activity[p];
        int c = eligibility.clinician[p];
        takenActivities.get(c).remove(Integer.valueOf(a));
        activitiesPerDay[c][instance.day[a]]--;
        minutesPerWeek[c][instance.week[a]] -= instance.minutes[a];
        int k = eligibility.credential[p];
        if (k >= 0) {
            credentialUsesPerWeek.merge(credentialWeek(k, a), -1, Integer::sum);
        }
        seatsTaken[a]--;
    }

    private long credentialWeek(int k, int a) {
        return (long) k * instance.weekCount + instance.week[a];
    }
}
