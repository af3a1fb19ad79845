package org.rota.solver.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which (activity, clinician) pairs may be assigned at all, so that only those get a model variable: the
 * clinician is active; for an activity with a procedure, holds an ACTIVE credential valid on every date the activity
 * touches (in the zone) at the activity's minimum level or above; has no absence and no busy time overlapping it.
 * The first failing check is kept as the pair's {@link Stage}, which also drives the unfilled-seat explanation.
 */
public final class EligibilityCalculator {

    /** How far a pair gets through the checks, in check order; only ELIGIBLE pairs get a variable. */
    enum Stage {
        INACTIVE,
        NO_CREDENTIAL,
        CREDENTIAL_NOT_VALID,
        LEVEL_TOO_LOW,
        ABSENT,
        BUSY,
        ELIGIBLE
    }

    /** {@code credential} indexes the problem's credential list, -1 for an activity without procedure. */
    record Assessment(Stage stage, Level level, int credential) {
    }

    private final Instance instance;
    /** Per clinician: procedure code to indexes into the problem's credentials. */
    private final List<Map<String, List<Integer>>> credentialsByProcedure;
    private final List<List<long[]>> absences;
    private final List<List<long[]>> busy;

    EligibilityCalculator(Instance instance) {
        this.instance = instance;
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
        busy = Instance.buckets(clinicians);
        for (BusyInterval interval : instance.problem.busy()) {
            Integer c = instance.clinicianIndex.get(interval.clinicianId());
            if (c != null) {
                busy.get(c).add(new long[] {interval.from().getEpochSecond(), interval.until().getEpochSecond()});
            }
        }
    }

    /** Convenience for callers outside the solver: may this clinician staff this activity at all? */
    public static boolean isEligible(Problem problem, String activityId, String clinicianId) {
        Instance instance = new Instance(problem, SolverOptions.defaults());
        Integer a = instance.activityIndex.get(activityId);
        Integer c = instance.clinicianIndex.get(clinicianId);
        return a != null && c != null && new EligibilityCalculator(instance).assess(a, c).stage() == Stage.ELIGIBLE;
    }

    Assessment assess(int a, int c) {
        Clinician clinician = instance.clinicians[c];
        if (!clinician.active()) {
            return new Assessment(Stage.INACTIVE, null, -1);
        }
        Activity activity = instance.activities[a];
        Level level = null;
        int credential = -1;
        if (activity.procedureCode() != null) {
            List<Integer> held = credentialsByProcedure.get(c).get(activity.procedureCode());
            if (held == null || held.isEmpty()) {
                return new Assessment(Stage.NO_CREDENTIAL, null, -1);
            }
            // The best level whose credentials together cover the whole activity: a renewal covers the rest of an
            // overnight activity, and two records of one level never count as more than one.
            Level[] levels = Level.values();
            for (int i = levels.length - 1; i >= 0 && level == null; i--) {
                Level candidate = levels[i];
                List<Credential> atLeast = held.stream().map(k -> instance.problem.credentials().get(k))
                        .filter(k -> k.level().atLeast(candidate)).toList();
                if (!atLeast.isEmpty() && CredentialCoverage.covers(atLeast, activity.start(), activity.end(),
                        instance.zone)) {
                    level = candidate;
                    credential = held.stream().filter(k -> instance.problem.credentials().get(k).level() == candidate)
                            .findFirst().orElse(-1);
                }
            }
            if (level == null) {
                return new Assessment(Stage.CREDENTIAL_NOT_VALID, null, -1);
            }
            if (!level.atLeast(activity.minimumLevel())) {
                return new Assessment(Stage.LEVEL_TOO_LOW, level, credential);
            }
        }
        if (overlapsAny(absences.get(c), a)) {
            return new Assessment(Stage.ABSENT, level, credential);
        }
        if (overlapsAny(busy.get(c), a)) {
            return new Assessment(Stage.BUSY, level, credential);
        }
        return new Assessment(Stage.ELIGIBLE, level, credential);
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
                if (assessment.stage() == Stage.ELIGIBLE) {
                    pairs.add(new int[] {a, c, assessment.credential()});
                    levels.add(assessment.level());
                }
            }
        }
        return new Eligibility(instance, pairs, levels);
    }
}
