package org.rota.solver.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Accepts pins one by one (earliest activity first) into the ledger and reports every pin it cannot keep, so an
 * impossible pin never makes the model infeasible and is never dropped silently. When two pins clash, the earlier
 * activity's pin is kept and the later one reported.
 */
final class PinValidator {

    record Result(List<Integer> acceptedPairs, List<PinConflict> conflicts, Set<Integer> conflictActivities) {
    }

    private PinValidator() {
    }

    static Result validate(Instance instance, Eligibility eligibility, EligibilityCalculator calculator,
                           HardRuleLedger ledger) {
        List<PinConflict> conflicts = new ArrayList<>();
        Set<Integer> conflictActivities = new HashSet<>();
        List<int[]> known = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Pin pin : instance.problem.pins()) {
            Integer a = instance.activityIndex.get(pin.activityId());
            Integer c = instance.clinicianIndex.get(pin.clinicianId());
            if (a == null) {
                conflicts.add(new PinConflict(pin.activityId(), pin.clinicianId(), PinConflictReason.UNKNOWN_ACTIVITY,
                        "no such activity in the problem"));
            } else if (c == null) {
                conflicts.add(new PinConflict(pin.activityId(), pin.clinicianId(), PinConflictReason.UNKNOWN_CLINICIAN,
                        "no such clinician in the problem"));
                conflictActivities.add(a);
            } else if (seen.add((long) a * instance.clinicianCount() + c)) {
                known.add(new int[] {a, c});
            }
        }
        // per activity, supervisors before trainees: a pinned trainee is kept only under pinned supervision
        known.sort(Comparator.<int[]>comparingInt(k -> k[0]).thenComparing(k -> isTrainee(eligibility, k))
                .thenComparing(k -> instance.clinicians[k[1]].id()));

        List<Integer> accepted = new ArrayList<>();
        for (int[] pin : known) {
            int a = pin[0];
            int c = pin[1];
            String activityId = instance.activities[a].id();
            String clinicianId = instance.clinicians[c].id();
            int p = eligibility.pair(a, c);
            if (p < 0) {
                // fixed work may rule the pair out by a working-time rule, which the conflict then names
                Verdict verdict = calculator.assess(a, c).verdict();
                boolean workingTime = verdict.compareTo(Verdict.BUSY_ELSEWHERE) >= 0;
                conflicts.add(new PinConflict(activityId, clinicianId, verdict.compareTo(Verdict.REST) >= 0
                        ? new HardRuleLedger.Violation(verdict, null).pinReason() : PinConflictReason.NOT_ELIGIBLE,
                        workingTime ? calculator.fixedWorkDetail(a, c) : StaffingExplainer.describe(verdict)));
                conflictActivities.add(a);
                continue;
            }
            HardRuleLedger.SeatCheck seat = ledger.seatCheck(p);
            if (seat != HardRuleLedger.SeatCheck.FITS) {
                boolean noSeat = seat == HardRuleLedger.SeatCheck.NO_FREE_SEAT;
                conflicts.add(new PinConflict(activityId, clinicianId,
                        noSeat ? PinConflictReason.MORE_PINS_THAN_SEATS : PinConflictReason.NO_SUPERVISOR,
                        noSeat ? "no seat of the activity (" + describe(instance.activities[a]) + ") is left for a "
                                + holder(eligibility.level[p])
                                : "the clinicians pinned to the activity's other seats supervise at most "
                                        + instance.seats[a].traineesPerSupervisor + " trainee(s) each"));
                conflictActivities.add(a);
                continue;
            }
            HardRuleLedger.Violation violation = ledger.check(p);
            if (violation != null) {
                conflicts.add(new PinConflict(activityId, clinicianId, violation.pinReason(), violation.detail()));
                conflictActivities.add(a);
                continue;
            }
            ledger.take(p);
            accepted.add(p);
        }
        return new Result(accepted, conflicts, conflictActivities);
    }

    private static boolean isTrainee(Eligibility eligibility, int[] pin) {
        int p = eligibility.pair(pin[0], pin[1]);
        return p >= 0 && eligibility.kind[p] == SeatPlan.TRAINEE;
    }

    private static String holder(Level level) {
        return level == null ? "clinician" : level + " holder";
    }

    static String describe(Activity activity) {
        StringBuilder text = new StringBuilder();
        for (Seat seat : activity.seats()) {
            text.append(text.isEmpty() ? "" : ", ").append(seat.count()).append(' ').append(seat.minimumLevel())
                    .append(seat.optional() ? " optional" : "");
        }
        return text.toString();
    }
}
