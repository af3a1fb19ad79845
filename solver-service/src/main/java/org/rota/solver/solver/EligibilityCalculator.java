package org.rota.solver.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which (activity, clinician) pairs may be assigned at all, so that only those get a model variable: the
 * clinician is active; for an activity with a procedure, holds credentials that together are valid (dates in the zone,
 * ACTIVE status at each moment) over the whole activity at its minimum level or above; has no absence overlapping it;
 * and no fixed work rules it out by itself ({@link HardRules}). The first failing check is the pair's {@link Verdict}.
 */
public final class EligibilityCalculator {

    /**
     * {@code verdict} is the first check the pair fails in {@link Verdict} order, or ELIGIBLE; {@code credential} indexes
     * the problem's credentials (one of the best level), -1 for an activity without procedure.
     */
    record Assessment(Verdict verdict, Level level, int credential) {

        boolean eligible() {
            return verdict == Verdict.ELIGIBLE;
        }
    }

    private final Instance instance;
    private final HardRules rules;
    /** Per clinician: procedure code to indexes into the problem's credentials. */
    private final List<Map<String, List<Integer>>> credentialsByProcedure;
    private final List<List<long[]>> absences;
    /** Nothing taken: checks each pair against the clinician's fixed work alone. */
    private final HardRuleLedger fixedWork;

    EligibilityCalculator(Instance instance) {
        this(instance, new HardRules(instance));
    }

    EligibilityCalculator(Instance instance, HardRules rules) {
        this.instance = instance;
        this.rules = rules;
        this.fixedWork = new HardRuleLedger(instance, rules, null);
        int clinicians = instance.clinicianCount();
        credentialsByProcedure = new ArrayList<>(clinicians);
        for (int c = 0; c < clinicians; c++) {
            credentialsByProcedure.add(new HashMap<>());
        }
        List<Credential> credentials = instance.problem.credentials();
        for (int k = 0; k < credentials.size(); k++) {
            Integer c = instance.clinicianIndex.get(credentials.get(k).clinicianId());
            if (c != null) {
                credentialsByProcedure.get(c)
                        .computeIfAbsent(credentials.get(k).procedureCode(), p -> new ArrayList<>())
                        .add(k);
            }
        }
        absences = Instance.buckets(clinicians);
        for (Absence absence : instance.problem.absences()) {
            Integer c = instance.clinicianIndex.get(absence.clinicianId());
            if (c != null) {
                absences.get(c).add(new long[] {absence.from().getEpochSecond(), absence.until().getEpochSecond()});
            }
        }
    }

    /** Convenience for callers outside the solver: may this clinician staff this activity at all? */
    public static boolean isEligible(Problem problem, String activityId, String clinicianId) {
        Instance instance = new Instance(problem, SolverOptions.defaults());
        Integer a = instance.activityIndex.get(activityId);
        Integer c = instance.clinicianIndex.get(clinicianId);
        return a != null && c != null
                && new EligibilityCalculator(instance, new HardRules(instance)).assess(a, c).eligible();
    }

    Assessment assess(int a, int c) {
        Clinician clinician = instance.clinicians[c];
        if (!clinician.active()) {
            return new Assessment(Verdict.INACTIVE, null, -1);
        }
        Activity activity = instance.activities[a];
        Level level = null;
        int credential = -1;
        if (activity.procedureCode() != null) {
            List<Integer> held = credentialsByProcedure.get(c).get(activity.procedureCode());
            if (held == null || held.isEmpty()) {
                return new Assessment(Verdict.NO_CREDENTIAL, null, -1);
            }
            // The best level whose credentials together cover the whole activity: a renewal covers the rest of an
            // overnight activity, and two records of one level never count as more than one. Most activities lie
            // inside one unchanging credential, so that is tried first.
            Level highestHeld = null;
            for (int k : held) {
                Credential candidate = instance.problem.credentials().get(k);
                if (highestHeld == null || candidate.level().compareTo(highestHeld) > 0) {
                    highestHeld = candidate.level();
                }
                if (candidate.statusHistory().isEmpty() && candidate.status() == CredentialStatus.ACTIVE
                        && (candidate.validFrom() == null || !candidate.validFrom().isAfter(instance.startDate[a]))
                        && (candidate.validUntil() == null || !candidate.validUntil().isBefore(instance.lastDate[a]))
                        && (level == null || candidate.level().compareTo(level) > 0)) {
                    level = candidate.level();
                    credential = k;
                }
            }
            Level[] levels = Level.values();
            for (int i = levels.length - 1; i >= 0 && (level == null || levels[i].compareTo(level) > 0); i--) {
                Level candidate = levels[i];
                if (candidate.compareTo(highestHeld) > 0) {
                    continue; // no credential of that level at all: the common case, and the costly check is skipped
                }
                List<Credential> atLeast = held.stream().map(k -> instance.problem.credentials().get(k))
                        .filter(k -> k.level().atLeast(candidate)).toList();
                if (!atLeast.isEmpty() && CredentialCoverage.covers(atLeast, activity.start(), activity.end(),
                        instance.zone)) {
                    level = candidate;
                    credential = held.stream()
                            .filter(k -> instance.problem.credentials().get(k).level().atLeast(candidate))
                            .filter(k -> instance.problem.credentials().get(k).validAt(activity.start(), instance.zone))
                            .findFirst().orElse(-1);
                }
            }
            if (level == null) {
                return new Assessment(Verdict.CREDENTIAL_EXPIRED_OR_SUSPENDED, null, -1);
            }
            Verdict levelVerdict = levelVerdict(activity, level);
            if (levelVerdict != null) {
                return new Assessment(levelVerdict, level, credential);
            }
        }
        if (overlapsAny(absences.get(c), a)) {
            return new Assessment(Verdict.ABSENT, level, credential);
        }
        // fixed work alone can already rule the pair out (an overlap, too little rest, a full day or week)
        HardRuleLedger.Violation violation = fixedWork.check(a, c);
        if (violation != null) {
            return new Assessment(violation.rule(), level, credential);
        }
        return new Assessment(Verdict.ELIGIBLE, level, credential);
    }

    /**
     * Null when the holder's level fits one of the activity's seat groups; else NOT_A_TRAINEE when only TRAINEE
     * groups are open to the level (a non-trainee), LEVEL_TOO_LOW otherwise.
     */
    static Verdict levelVerdict(Activity activity, Level level) {
        boolean onlyTraineeSeats = true;
        for (Seat seat : activity.seats()) {
            if (seat.takes(level)) {
                return null;
            }
            onlyTraineeSeats &= seat.minimumLevel() == Level.TRAINEE;
        }
        return onlyTraineeSeats && level != Level.TRAINEE ? Verdict.NOT_A_TRAINEE : Verdict.LEVEL_TOO_LOW;
    }

    /** The detail of a fixed-work verdict, for pin conflicts and explanations; null for the other verdicts. */
    String fixedWorkDetail(int a, int c) {
        HardRuleLedger.Violation violation = fixedWork.check(a, c);
        return violation == null ? null : violation.detail();
    }

    private boolean overlapsAny(List<long[]> intervals, int a) {
        for (long[] interval : intervals) {
            if (interval[0] < instance.end[a] && instance.start[a] < interval[1]) {
                return true;
            }
        }
        return false;
    }

    Eligibility calculate() {
        int activities = instance.activityCount();
        int clinicians = instance.clinicianCount();
        List<int[]> pairs = new ArrayList<>();
        List<Level> levels = new ArrayList<>();
        for (int a = 0; a < activities; a++) {
            for (int c = 0; c < clinicians; c++) {
                Assessment assessment = assess(a, c);
                if (assessment.eligible()) {
                    pairs.add(new int[] {a, c, assessment.credential()});
                    levels.add(assessment.level());
                }
            }
        }
        return new Eligibility(instance, rules, pairs, levels);
    }
}
