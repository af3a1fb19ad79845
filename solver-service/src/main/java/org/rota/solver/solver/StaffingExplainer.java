package org.rota.solver.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Verdicts of clinicians on activities and reasons of empty seats, from the same eligibility checks and hard-rule ledger
 * the solve uses. The ledger holds the assignments judged against (none when {@code chosen} is null): a clinician's
 * other assignments count like fixed work.
 */
final class StaffingExplainer {

    private final Instance instance;
    private final EligibilityCalculator calculator;
    private final Eligibility eligibility;
    private final Set<Integer> pinConflictActivities;
    /** Per activity and clinician, whether the clinician is assigned; null when judging against fixed work only. */
    private final boolean[][] assigned;
    private final HardRuleLedger ledger;
    /** The assignments as eligible pairs, for pricing swaps; null when some assignment is not an eligible pair. */
    private final boolean[] chosen;

    StaffingExplainer(Instance instance, EligibilityCalculator calculator, Eligibility eligibility,
                      Set<Integer> pinConflictActivities, List<int[]> assignments) {
        this.instance = instance;
        this.calculator = calculator;
        this.eligibility = eligibility;
        this.pinConflictActivities = pinConflictActivities;
        this.ledger = new HardRuleLedger(instance, eligibility);
        if (assignments == null) {
            assigned = null;
            chosen = null;
            return;
        }
        assigned = new boolean[instance.activityCount()][instance.clinicianCount()];
        boolean[] pairs = new boolean[eligibility.size];
        boolean allPairs = true;
        for (int[] assignment : assignments) {
            int a = assignment[0];
            int c = assignment[1];
            if (assigned[a][c]) {
                continue;
            }
            assigned[a][c] = true;
            ledger.take(a, c);
            int p = eligibility.pair(a, c);
            if (p >= 0) {
                pairs[p] = true;
            } else {
                allPairs = false;
            }
        }
        chosen = allPairs ? pairs : null;
    }

    /** For a solution given as chosen pairs. */
    static List<int[]> assignmentsOf(Eligibility eligibility, boolean[] chosen) {
        List<int[]> result = new ArrayList<>();
        for (int p = 0; p < chosen.length; p++) {
            if (chosen[p]) {
                result.add(new int[] {eligibility.activity[p], eligibility.clinician[p]});
            }
        }
        return result;
    }

    /** Clinician c's verdict on activity a; {@code withCost} prices ELIGIBLE_NOT_CHOSEN (one objective per swap). */
    ClinicianVerdict verdict(int a, int c, boolean withCost, PreviousAllocation previous) {
        String clinicianId = instance.clinicians[c].id();
        EligibilityCalculator.Assessment assessment = calculator.assess(a, c);
        if (!assessment.eligible()) {
            String detail = assessment.verdict().compareTo(Verdict.BUSY_ELSEWHERE) >= 0
                    ? calculator.fixedWorkDetail(a, c) : describe(assessment.verdict());
            return new ClinicianVerdict(clinicianId, assessment.verdict(), assessment.level(), detail, null);
        }
        boolean isAssigned = assigned != null && assigned[a][c];
        if (isAssigned) {
            ledger.release(a, c);
        }
        HardRuleLedger.Violation violation = ledger.check(a, c);
        if (isAssigned) {
            ledger.take(a, c);
        }
        if (violation == null && !isAssigned) {
            violation = supervision(a, assessment.level());
        }
        if (violation != null) {
            return new ClinicianVerdict(clinicianId, violation.rule(), assessment.level(), violation.detail(), null);
        }
        if (assigned == null) {
            return new ClinicianVerdict(clinicianId, Verdict.ELIGIBLE, assessment.level(), "nothing stops them", null);
        }
        if (isAssigned) {
            return new ClinicianVerdict(clinicianId, Verdict.ASSIGNED, assessment.level(), "assigned", null);
        }
        Long cost = withCost ? cheapestMoveIn(a, c, previous) : null;
        return new ClinicianVerdict(clinicianId, Verdict.ELIGIBLE_NOT_CHOSEN, assessment.level(),
                cost == null ? "eligible, the seats went to others" : "eligible; taking the seat would change the"
                        + " objective by " + cost, cost);
    }

    /**
     * A trainee c would join a's holders beyond the ratio (judged against the solution's assignments; without them only
     * a ratio of 0 stops a trainee): the NO_SUPERVISOR violation, else null. A full TRAINEE group is not a rule that
     * stops them: the seats went to others.
     */
    private HardRuleLedger.Violation supervision(int a, Level level) {
        SeatPlan plan = instance.seats[a];
        if (level != Level.TRAINEE) {
            return null;
        }
        if (assigned == null) {
            return plan.traineesPerSupervisor == 0 ? noSupervisor(plan) : null;
        }
        return ledger.seatCheck(a, SeatPlan.TRAINEE) == HardRuleLedger.SeatCheck.NO_SUPERVISOR ? noSupervisor(plan)
                : null;
    }

    static HardRuleLedger.Violation noSupervisor(SeatPlan plan) {
        return new HardRuleLedger.Violation(Verdict.NO_SUPERVISOR, plan.traineesPerSupervisor == 0
                ? "the activity takes no trainees"
                : "the clinicians in the activity's other seats already supervise " + plan.traineesPerSupervisor
                        + " trainee(s) each");
    }

    /**
     * The objective change of the cheapest move putting c on a: fill an empty seat, or swap with an assignee, among the
     * moves that keep the activity's seats and supervision.
     */
    private Long cheapestMoveIn(int a, int c, PreviousAllocation previous) {
        int p = eligibility.pair(a, c);
        if (chosen == null || p < 0) {
            return null;
        }
        long base = ObjectiveEvaluator.evaluate(instance, eligibility, previous, chosen).total();
        SeatPlan plan = instance.seats[a];
        int[] holders = ledger.holders(a).clone();
        Long best = null;
        chosen[p] = true;
        holders[eligibility.kind[p]]++;
        if (plan.seatable(holders) && plan.supervised(holders)) {
            best = ObjectiveEvaluator.evaluate(instance, eligibility, previous, chosen).total() - base;
        }
        for (int q : eligibility.byActivity[a]) {
            if (q == p || !chosen[q]) {
                continue;
            }
            holders[eligibility.kind[q]]--;
            if (plan.seatable(holders) && plan.supervised(holders)) {
                chosen[q] = false;
                long delta = ObjectiveEvaluator.evaluate(instance, eligibility, previous, chosen).total() - base;
                chosen[q] = true;
                best = best == null ? delta : Math.min(best, delta);
            }
            holders[eligibility.kind[q]]++;
        }
        chosen[p] = false;
        return best;
    }

    /** The reasons of activity a's empty seats in the assignments judged against. */
    List<UnfilledSeat> unfilledSeats(int a) {
        return unfilledSeats(a, instance.seats[a].empty(ledger.holders(a)));
    }

    /**
     * The reasons of activity a's empty seats, {@code empty[kind]} per seat group ({@link SeatPlan}), one per seat:
     * seat i of a group takes the reason of the i-th closest clinician not assigned to a who holds a credential for it
     * (active clinicians, without a procedure), judged for that group: a level that does not fit it is LEVEL_TOO_LOW,
     * a trainee the assignees cannot supervise NOT_ENOUGH_SUPERVISORS. Seats beyond them repeat the last one's reason;
     * with none left, seats are a capacity problem when someone is assigned, and lack a credentialed clinician
     * otherwise. A pin conflict on the activity explains all its seats.
     */
    List<UnfilledSeat> unfilledSeats(int a, int[] empty) {
        List<UnfilledSeat> result = new ArrayList<>();
        for (int kind = 0; kind < 3; kind++) {
            if (empty[kind] > 0) {
                result.addAll(unfilledSeatsOfGroup(a, kind, empty[kind]));
            }
        }
        return result;
    }

    private List<UnfilledSeat> unfilledSeatsOfGroup(int a, int kind, int emptySeats) {
        Seat group = instance.seats[a].groups[kind];
        if (pinConflictActivities.contains(a)) {
            return List.of(unfilledSeat(a, group, emptySeats, UnfilledReason.PINNED_CONFLICT));
        }
        List<Verdict> candidates = new ArrayList<>();
        boolean someoneAssigned = false;
        for (int c = 0; c < instance.clinicianCount(); c++) {
            if (assigned != null && assigned[a][c]) {
                someoneAssigned = true;
                continue;
            }
            Verdict verdict = groupVerdict(a, c, group);
            if (verdict.compareTo(Verdict.CREDENTIAL_EXPIRED_OR_SUSPENDED) >= 0 || !verdict.blocks()) {
                candidates.add(verdict);
            }
        }
        candidates.sort(Comparator.comparingInt(StaffingExplainer::closeness).reversed());
        List<UnfilledSeat> result = new ArrayList<>();
        UnfilledReason current = null;
        int seats = 0;
        for (int seat = 0; seat < emptySeats; seat++) {
            UnfilledReason reason = seat < candidates.size() ? reasonOf(candidates.get(seat))
                    : !candidates.isEmpty() ? reasonOf(candidates.get(candidates.size() - 1))
                    : someoneAssigned ? UnfilledReason.ALL_ELIGIBLE_BUSY : UnfilledReason.NO_CREDENTIALED_CLINICIAN;
            if (reason != current && current != null) {
                result.add(unfilledSeat(a, group, seats, current));
                seats = 0;
            }
            current = reason;
            seats++;
        }
        result.add(unfilledSeat(a, group, seats, current));
        return result;
    }

    /** c's verdict on a seat of this group of a: their level must fit it, then the activity's own verdict holds. */
    private Verdict groupVerdict(int a, int c, Seat group) {
        EligibilityCalculator.Assessment assessment = calculator.assess(a, c);
        Verdict verdict = assessment.verdict();
        if (verdict.blocks() && verdict.compareTo(Verdict.LEVEL_TOO_LOW) < 0) {
            return verdict;
        }
        if (!group.takes(assessment.level())) {
            return group.minimumLevel() == Level.TRAINEE ? Verdict.NOT_A_TRAINEE : Verdict.LEVEL_TOO_LOW;
        }
        return verdict(a, c, false, null).verdict();
    }

    private UnfilledSeat unfilledSeat(int a, Seat group, int seats, UnfilledReason reason) {
        return new UnfilledSeat(instance.activities[a].id(), seats, reason, group.minimumLevel(), group.optional());
    }

    /** How close a verdict comes to serving: the later a check fails, the closer; not blocked is closest. */
    private static int closeness(Verdict verdict) {
        return verdict.blocks() ? verdict.ordinal() : Integer.MAX_VALUE;
    }

    private static UnfilledReason reasonOf(Verdict verdict) {
        return switch (verdict) {
            case INACTIVE, NO_CREDENTIAL -> UnfilledReason.NO_CREDENTIALED_CLINICIAN;
            case CREDENTIAL_EXPIRED_OR_SUSPENDED -> UnfilledReason.CREDENTIAL_EXPIRED_OR_SUSPENDED;
            case LEVEL_TOO_LOW, NOT_A_TRAINEE -> UnfilledReason.LEVEL_TOO_LOW;
            case ABSENT -> UnfilledReason.ALL_ELIGIBLE_ABSENT;
            case NO_SUPERVISOR -> UnfilledReason.NOT_ENOUGH_SUPERVISORS;
            default -> UnfilledReason.ALL_ELIGIBLE_BUSY;
        };
    }

    static String describe(Verdict verdict) {
        return switch (verdict) {
            case INACTIVE -> "clinician is inactive";
            case NO_CREDENTIAL -> "clinician holds no credential for the procedure";
            case CREDENTIAL_EXPIRED_OR_SUSPENDED -> "no credential is ACTIVE and valid over the whole activity";
            case LEVEL_TOO_LOW -> "credential level fits none of the activity's seats";
            case NOT_A_TRAINEE -> "the activity's seats open to this level are trainee seats; the clinician is not a trainee";
            case ABSENT -> "clinician is absent";
            default -> verdict.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }
}
