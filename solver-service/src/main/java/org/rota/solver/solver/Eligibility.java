package org.rota.solver.solver;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The eligible (activity, clinician) pairs, numbered 0..size-1 in activity order, then clinician order. */
final class Eligibility {

    final HardRules rules;
    final int size;
    final int[] activity;
    final int[] clinician;
    /** Credential level of the pair, null for an activity without procedure. */
    final Level[] level;
    /** Index into the problem's credentials, -1 for an activity without procedure. */
    final int[] credential;
    final int[][] byActivity;
    final int[][] byClinician;
    /** The pair's holder kind for the seats ({@link SeatPlan#kind}). */
    final int[] kind;
    /** Minutes of the pair's activity on the clinician's undesired and desired days, and what they cost. */
    final int[] undesiredMinutes;
    final int[] desiredMinutes;
    final long[] undesiredCost;
    final long[] desiredReward;
    /** Whether some eligible clinician of the activity is an EXPERT for its procedure. */
    final boolean[] expertAvailable;
    /** Who the fairness term counts in this window, and their fair share. */
    final Fairness fairness;
    private final Instance instance;
    private final Map<Long, Integer> index = new HashMap<>();
    private final int clinicianCount;

    Eligibility(Instance instance, HardRules rules, List<int[]> pairs, List<Level> levels) {
        this.rules = rules;
        this.instance = instance;
        size = pairs.size();
        clinicianCount = instance.clinicianCount();
        activity = new int[size];
        clinician = new int[size];
        level = new Level[size];
        credential = new int[size];
        kind = new int[size];
        undesiredMinutes = new int[size];
        desiredMinutes = new int[size];
        undesiredCost = new long[size];
        desiredReward = new long[size];
        Weights weights = instance.options.weights();
        List<List<Integer>> perActivity = Instance.buckets(instance.activityCount());
        List<List<Integer>> perClinician = Instance.buckets(clinicianCount);
        expertAvailable = new boolean[instance.activityCount()];
        for (int p = 0; p < size; p++) {
            int[] pair = pairs.get(p);
            activity[p] = pair[0];
            clinician[p] = pair[1];
            credential[p] = pair[2];
            level[p] = levels.get(p);
            kind[p] = SeatPlan.kind(level[p]);
            undesiredMinutes[p] = instance.minutesOn(pair[1], pair[0], PreferenceKind.UNDESIRED);
            desiredMinutes[p] = instance.minutesOn(pair[1], pair[0], PreferenceKind.DESIRED);
            undesiredCost[p] = Instance.perHour(undesiredMinutes[p], weights.undesiredDay());
            desiredReward[p] = Instance.perHour(desiredMinutes[p], weights.desiredDay());
            perActivity.get(pair[0]).add(p);
            perClinician.get(pair[1]).add(p);
            index.put(key(pair[0], pair[1]), p);
            if (level[p] == Level.EXPERT) {
                expertAvailable[pair[0]] = true;
            }
        }
        byActivity = toArrays(perActivity);
        byClinician = toArrays(perClinician);
        fairness = Fairness.of(instance, this);
    }

    /** The pair's number, or -1 when the clinician is not eligible for the activity. */
    int pair(int a, int c) {
        Integer p = index.get(key(a, c));
        return p == null ? -1 : p;
    }

    boolean clinicianHasAnyPair(int c) {
        return byClinician[c].length > 0;
    }

    /**
     * The qualifiedInsteadOfExpert term: a QUALIFIED holder (who always sits in a QUALIFIED seat) on an activity with
     * no EXPERT seat group, where an EXPERT was eligible. An activity that spells out an EXPERT group has its expert
     * there, and its QUALIFIED seats are filled as asked; the shorthand "2 QUALIFIED seats" still prefers experts.
     */
    boolean isQualifiedInsteadOfExpert(int p) {
        return level[p] == Level.QUALIFIED && expertAvailable[activity[p]]
                && !instance.seats[activity[p]].has(SeatPlan.EXPERT);
    }

    /** The pair's own share of the objective from the day preferences (a desired day lowers it). */
    long preferenceCost(int p) {
        return undesiredCost[p] - desiredReward[p];
    }

    private long key(int a, int c) {
        return (long) a * clinicianCount + c;
    }

    private static int[][] toArrays(List<List<Integer>> lists) {
        int[][] arrays = new int[lists.size()][];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return arrays;
    }
}
