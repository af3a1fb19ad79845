package org.rota.solver.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The window's working time, the union of its activities' intervals, and how much of it each clinician is available
 * for: not absent and not busy elsewhere (fixed work). Nights without activities do not count, so a week's leave and
 * a week of nights off weigh what they take from the work.
 */
final class WorkingTime {

    /** Disjoint, ordered [start, end) intervals in epoch seconds. */
    private final long[][] union;
    private final long total;
    private final List<List<long[]>> unavailable;

    private WorkingTime(long[][] union, List<List<long[]>> unavailable) {
        this.union = union;
        this.unavailable = unavailable;
        long sum = 0;
        for (long[] interval : union) {
            sum += interval[1] - interval[0];
        }
        this.total = sum;
    }

    static WorkingTime of(Instance instance) {
        List<long[]> activities = new ArrayList<>();
        for (int a = 0; a < instance.activityCount(); a++) {
            activities.add(new long[] {instance.start[a], instance.end[a]});
        }
        List<List<long[]>> unavailable = Instance.buckets(instance.clinicianCount());
        for (Absence absence : instance.problem.absences()) {
            Integer c = instance.clinicianIndex.get(absence.clinicianId());
            if (c != null) {
                unavailable.get(c).add(new long[] {absence.from().getEpochSecond(), absence.until().getEpochSecond()});
            }
        }
        for (BusyInterval busy : instance.problem.busy()) {
            Integer c = instance.clinicianIndex.get(busy.clinicianId());
            if (c != null) {
                unavailable.get(c).add(new long[] {busy.from().getEpochSecond(), busy.until().getEpochSecond()});
            }
        }
        return new WorkingTime(merge(activities), unavailable);
    }

    /** The share (0..1) of the working time the clinician is neither absent nor busy elsewhere; 1 without any. */
    double availableShare(int c) {
        List<long[]> away = unavailable.get(c);
        if (away.isEmpty() || total == 0) {
            return 1.0;
        }
        long lost = 0;
        for (long[] gap : merge(away)) {
            for (long[] work : union) {
                lost += Math.max(0, Math.min(gap[1], work[1]) - Math.max(gap[0], work[0]));
            }
        }
        return 1.0 - (double) lost / total;
    }

    private static long[][] merge(List<long[]> intervals) {
        long[][] sorted = intervals.toArray(long[][]::new);
        Arrays.sort(sorted, Comparator.comparingLong((long[] interval) -> interval[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] interval : sorted) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && interval[0] <= last[1]) {
                last[1] = Math.max(last[1], interval[1]);
            } else {
                merged.add(new long[] {interval[0], interval[1]});
            }
        }
        return merged.toArray(long[][]::new);
    }
}
