package org.rota.solver.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * {@link HardRules} checked one assignment at a time, outside the model, on top of the clinicians' fixed work: used to
 * accept pins, to build and improve the warm start, to explain verdicts and to check a solution before it is
 * committed. Whatever it accepts is feasible for the model.
 */
final class HardRuleLedger {

    record Violation(Verdict rule, String detail) {

        PinConflictReason pinReason() {
            return switch (rule) {
                case BUSY_ELSEWHERE -> PinConflictReason.OVERLAPPING_ACTIVITY;
                case REST -> PinConflictReason.MINIMUM_REST;
                case DUTY_LENGTH -> PinConflictReason.DUTY_LENGTH;
                case DAILY_LIMIT -> PinConflictReason.MAX_ACTIVITIES_PER_DAY;
                case WEEKLY_CAP -> PinConflictReason.WEEKLY_MINUTES;
                case WEEKLY_PROCEDURE_CAP -> PinConflictReason.CREDENTIAL_MAX_PER_WEEK;
                default -> PinConflictReason.NOT_ELIGIBLE;
            };
        }
    }

    private final Instance instance;
    private final HardRules rules;
    private final Eligibility eligibility;
    private final List<List<Integer>> takenActivities;
    private final int[][] activitiesPerDay;
    private final int[][] minutesPerWeek;
    private final Map<Long, Integer> procedureUsesPerWeek = new HashMap<>();
    private final Map<Long, Integer> procedureRooms = new HashMap<>();
    private final int[] procedure;
    private final int procedureCount;
    /** Per activity, its holders by kind ({@link SeatPlan}): the pairs taken, judged for seats and supervision. */
    private final int[][] holders;

    /** Whether one more holder fits the activity's seats ({@link SeatPlan}). */
    enum SeatCheck { FITS, NO_FREE_SEAT, NO_SUPERVISOR }

    HardRuleLedger(Instance instance, Eligibility eligibility) {
        this(instance, eligibility.rules, eligibility);
    }

    /** @param eligibility the pairs {@link #check(int)}, {@link #take(int)} and {@link #release(int)} number; may be null */
    HardRuleLedger(Instance instance, HardRules rules, Eligibility eligibility) {
        this.instance = instance;
        this.rules = rules;
        this.eligibility = eligibility;
        int clinicians = instance.clinicianCount();
        takenActivities = Instance.buckets(clinicians);
        activitiesPerDay = new int[clinicians][instance.dayCount];
        minutesPerWeek = new int[clinicians][instance.weekCount];
        for (int a = 0; a < instance.activityCount(); a++) {
            for (int c = 0; c < clinicians; c++) {
                activitiesPerDay[c][instance.day[a]] = rules.fixedOnDay(c, instance.startDate[a]);
                minutesPerWeek[c][instance.week[a]] = rules.fixedMinutesInWeek(c, rules.work(a).week());
            }
        }
        Map<String, Integer> procedures = new HashMap<>();
        procedure = new int[instance.activityCount()];
        for (int a = 0; a < procedure.length; a++) {
            String code = instance.activities[a].procedureCode();
            procedure[a] = code == null ? -1 : procedures.computeIfAbsent(code, unused -> procedures.size());
        }
        procedureCount = procedures.size();
        holders = new int[instance.activityCount()][3];
    }

    /** Whether some seat of the activity is empty. */
    boolean hasFreeSeat(int a) {
        return emptySeats(a) > 0;
    }

    int emptySeats(int a) {
        return instance.seats[a].emptySeats(holders[a]);
    }

    /** The weighted cost of the activity's empty seats. */
    long emptyCost(int a) {
        return instance.seats[a].emptyCost(holders[a]);
    }

    /** The activity's holders by kind; read only. */
    int[] holders(int a) {
        return holders[a];
    }

    int activityOf(int p) {
        return eligibility.activity[p];
    }

    /** Whether pair p may join its activity's holders: a seat for its kind, and supervision for all of them. */
    SeatCheck seatCheck(int p) {
        return seatCheck(eligibility.activity[p], eligibility.kind[p]);
    }

    SeatCheck seatCheck(int a, int kind) {
        SeatPlan plan = instance.seats[a];
        holders[a][kind]++;
        SeatCheck result = !plan.seatable(holders[a]) ? SeatCheck.NO_FREE_SEAT
                : !plan.supervised(holders[a]) ? SeatCheck.NO_SUPERVISOR : SeatCheck.FITS;
        holders[a][kind]--;
        return result;
    }

    /** Pair p may be taken now: it keeps the working-time rules, has a seat and is supervised. */
    boolean fits(int p) {
        return seatCheck(p) == SeatCheck.FITS && check(p) == null;
    }

    /** The first working-time rule that taking pair p would break, or null. Seats are {@link #seatCheck}'s. */
    Violation check(int p) {
        return check(eligibility.activity[p], eligibility.clinician[p]);
    }

    /** The first hard rule that clinician c taking activity a would break, or null. Seats are not checked here. */
    Violation check(int a, int c) {
        HardRules.Work work = rules.work(a);
        // the pieces of work that can share a duty period with this one; null while there are none (the common case)
        List<HardRules.Work> near = null;
        for (HardRules.Work other : rules.fixed(c)) {
            if (rules.near(work, other)) {
                near = add(near, other);
            }
        }
        for (int b : takenActivities.get(c)) {
            if (b == a) {
                return new Violation(Verdict.BUSY_ELSEWHERE, "already assigned to " + work.label());
            }
            if (rules.near(work, rules.work(b))) {
                near = add(near, rules.work(b));
            }
        }
        if (near != null) {
            for (HardRules.Work other : near) {
                if (HardRules.overlap(work, other)) {
                    return new Violation(Verdict.BUSY_ELSEWHERE, "overlaps " + other.label());
                }
            }
            for (HardRules.Work other : near) {
                if (rules.restBroken(work, other)) {
                    return new Violation(Verdict.REST, "less than " + rules.restSeconds / 60 + " minutes of rest from "
                            + other.label() + ", and together longer than " + rules.maxDutySeconds / 60 + " minutes");
                }
            }
        }
        long span = near == null ? work.end() - work.start() : rules.dutySpan(work, near);
        if (span > rules.maxDutySeconds) {
            return new Violation(Verdict.DUTY_LENGTH, "the duty period would last " + span / 60 + " minutes, more than "
                    + rules.maxDutySeconds / 60);
        }
        if (activitiesPerDay[c][instance.day[a]] + 1 > rules.maxPerDay) {
            return new Violation(Verdict.DAILY_LIMIT,
                    "already " + rules.maxPerDay + " activities on " + instance.startDate[a]);
        }
        if ((long) minutesPerWeek[c][instance.week[a]] + instance.minutes[a] > rules.weeklyCap(c)) {
            return new Violation(Verdict.WEEKLY_CAP, "weekly cap of " + rules.weeklyCap(c)
                    + " minutes (fte-adjusted) exceeded: " + minutesPerWeek[c][instance.week[a]] + " already worked");
        }
        if (procedure[a] >= 0) {
            long key = procedureKey(c, a);
            if (procedureUsesPerWeek.getOrDefault(key, 0) + 1 > procedureRoom(key, c, work)) {
                return new Violation(Verdict.WEEKLY_PROCEDURE_CAP, "credential allows "
                        + rules.procedureCap(c, work.procedure(), work.week()).getAsInt() + " " + work.procedure()
                        + " activities per week, fixed work included");
            }
        }
        return null;
    }

    private static List<HardRules.Work> add(List<HardRules.Work> list, HardRules.Work work) {
        List<HardRules.Work> result = list == null ? new ArrayList<>() : list;
        result.add(work);
        return result;
    }

    /** How many activities of the procedure the week still allows after fixed work; MAX_VALUE without a cap. */
    private int procedureRoom(long key, int c, HardRules.Work work) {
        return procedureRooms.computeIfAbsent(key, unused -> {
            OptionalInt cap = rules.procedureCap(c, work.procedure(), work.week());
            return cap.isEmpty() ? Integer.MAX_VALUE
                    : cap.getAsInt() - rules.fixedOfProcedureInWeek(c, work.procedure(), work.week());
        });
    }

    void take(int p) {
        addWork(eligibility.activity[p], eligibility.clinician[p]);
        holders[eligibility.activity[p]][eligibility.kind[p]]++;
    }

    /** Clinician c takes activity a; they count for its seats when the pair is one of {@code eligibility}'s. */
    void take(int a, int c) {
        addWork(a, c);
        count(a, c, 1);
    }

    private void addWork(int a, int c) {
        takenActivities.get(c).add(a);
        activitiesPerDay[c][instance.day[a]]++;
        minutesPerWeek[c][instance.week[a]] += instance.minutes[a];
        if (procedure[a] >= 0) {
            procedureUsesPerWeek.merge(procedureKey(c, a), 1, Integer::sum);
        }
    }

    /** Undoes {@link #take(int)}. */
    void release(int p) {
        removeWork(eligibility.activity[p], eligibility.clinician[p]);
        holders[eligibility.activity[p]][eligibility.kind[p]]--;
    }

    void release(int a, int c) {
        removeWork(a, c);
        count(a, c, -1);
    }

    private void removeWork(int a, int c) {
        takenActivities.get(c).remove(Integer.valueOf(a));
        activitiesPerDay[c][instance.day[a]]--;
        minutesPerWeek[c][instance.week[a]] -= instance.minutes[a];
        if (procedure[a] >= 0) {
            procedureUsesPerWeek.merge(procedureKey(c, a), -1, Integer::sum);
        }
    }

    private void count(int a, int c, int delta) {
        int p = eligibility == null ? -1 : eligibility.pair(a, c);
        if (p >= 0) {
            holders[a][eligibility.kind[p]] += delta;
        }
    }

    private long procedureKey(int c, int a) {
        return ((long) c * procedureCount + procedure[a]) * instance.weekCount + instance.week[a];
    }
}
