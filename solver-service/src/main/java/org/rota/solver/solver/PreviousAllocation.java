package org.rota.solver.solver;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The previous allocation seen from this problem: the pairs that can still be kept, and how many cannot (the
 * clinician is no longer eligible or unknown), which are changes whatever the solver does. Entries for activities
 * outside the problem are out of the window and ignored.
 */
record PreviousAllocation(Set<Integer> keepablePairs, int unkeepable, int considered) {

    static PreviousAllocation of(Instance instance, Eligibility eligibility) {
        Set<Integer> keepable = new TreeSet<>();
        Set<Long> seen = new HashSet<>();
        int unkeepable = 0;
        int considered = 0;
        for (PreviousAssignment previous : instance.problem.previous()) {
            Integer a = instance.activityIndex.get(previous.activityId());
            if (a == null) {
                continue;
            }
            Integer c = instance.clinicianIndex.get(previous.clinicianId());
            long key = c == null ? -1 - a : (long) a * instance.clinicianCount() + c;
            if (c != null && !seen.add(key)) {
                continue;
            }
            considered++;
            int p = c == null ? -1 : eligibility.pair(a, c);
            if (p >= 0) {
                keepable.add(p);
            } else {
                unkeepable++;
            }
        }
        return new PreviousAllocation(keepable, unkeepable, considered);
    }
}
