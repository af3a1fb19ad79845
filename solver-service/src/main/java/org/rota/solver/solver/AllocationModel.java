package org.rota.solver.solver;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CP-SAT model: {@code x[p]} for each eligible pair p = (activity, clinician) and {@code unfilled[a]} per activity,
 * one method per rule. Hard rules are constraints; soft rules add weighted terms to one minimised objective.
 */
final class AllocationModel {

    final CpModel model = new CpModel();
    final BoolVar[] x;
    final IntVar[] unfilled;

    private final Instance instance;
    private final Eligibility eligibility;
    private final Weights weights;
    private final List<Integer> acceptedPins;
    private final PreviousAllocation previous;
    private final LinearExprBuilder objective = LinearExpr.newBuilder();

    /** Clinicians in the fairness term, with their load variables; empty when the term is off. */
    private final List<Integer> fairnessClinicians = new ArrayList<>();
    private final List<IntVar> loads = new ArrayList<>();
    private IntVar maxLoad;
    private IntVar minLoad;
    private IntVar spreadHours;

    AllocationModel(Instance instance, Eligibility eligibility, List<Integer> acceptedPins,
                    PreviousAllocation previous) {
        this(instance, eligibility, acceptedPins, previous, true);
    }

    /**
     * @param withFairness false builds the relaxation without the fairness term: as that term is never negative, its
     *                     bound is a valid bound of the full model, and without it the model splits by ISO week
     */
    AllocationModel(Instance instance, Eligibility eligibility, List<Integer> acceptedPins,
                    PreviousAllocation previous, boolean withFairness) {
        this.instance = instance;
        this.eligibility = eligibility;
        this.weights = instance.options.weights();
        this.acceptedPins = acceptedPins;
        this.previous = previous;
        this.x = new BoolVar[eligibility.size];
        for (int p = 0; p < eligibility.size; p++) {
            x[p] = model.newBoolVar("");
        }
        this.unfilled = new IntVar[instance.activityCount()];

        requireEachSeatFilledOrUnfilled();
        forbidOverlappingActivities();
        enforceMinimumRest();
        limitActivitiesPerDay();
        limitWeeklyMinutesByFte();
        limitCredentialUsesPerWeek();
        keepPins();

        penaliseUnfilledSeats();
        penaliseQualifiedWhereExpertAvailable();
        penaliseUndesiredDays();
        rewardDesiredDays();
        if (withFairness) {
            penaliseUnfairness();
        }
        penaliseChangesFromPrevious();
        model.minimize(objective);
    }

    // ---- hard rules ------------------------------------------------------------------------------------------------

    /** Σ_c x[a,c] + unfilled[a] = required[a]: every seat is either staffed or counted as unfilled. */
    private void requireEachSeatFilledOrUnfilled() {
        for (int a = 0; a < instance.activityCount(); a++) {
            int required = instance.required[a];
            int[] pairs = eligibility.byActivity[a];
            // with fewer candidates than seats, the difference is unfilled whatever happens
            int minimumUnfilled = Math.max(0, required - pairs.length);
            unfilled[a] = model.newIntVar(minimumUnfilled, required, "");
            model.addEquality(LinearExpr.newBuilder().addSum(literals(pairs)).add(unfilled[a]), required);
        }
    }

    /** A clinician is never in two overlapping activities (one at-most-one per maximal clique of overlaps). */
    private void forbidOverlappingActivities() {
        for (int c = 0; c < instance.clinicianCount(); c++) {
            addAtMostOnePerClique(eligibility.byClinician[c], 0);
        }
    }

    /** Two activities of one clinician less than minRestMinutes apart cannot both be taken. */
    private void enforceMinimumRest() {
        int rest = instance.options.minRestMinutes();
        if (rest <= 0) {
            return;
        }
        for (int c = 0; c < instance.clinicianCount(); c++) {
            addAtMostOnePerClique(eligibility.byClinician[c], rest * 60L);
        }
    }

    /** At most maxActivitiesPerDay activities start on one day (in the zone) for one clinician. */
    private void limitActivitiesPerDay() {
        int max = instance.options.maxActivitiesPerDay();
        for (int c = 0; c < instance.clinicianCount(); c++) {
            Map<Integer, List<Integer>> byDay = groupPairs(eligibility.byClinician[c], p -> instance.day[eligibility.activity[p]]);
            for (List<Integer> pairs : byDay.values()) {
                if (pairs.size() > max) {
                    model.addLessOrEqual(LinearExpr.sum(literals(pairs)), max);
                }
            }
        }
    }

    /** Minutes of activities starting in one ISO week ≤ fte × maxMinutesPerWeek, for clinicians with a cap. */
    private void limitWeeklyMinutesByFte() {
        for (int c = 0; c < instance.clinicianCount(); c++) {
            var cap = instance.clinicians[c].weeklyCapMinutes();
            if (cap.isEmpty()) {
                continue;
            }
            Map<Integer, List<Integer>> byWeek = groupPairs(eligibility.byClinician[c], p -> instance.week[eligibility.activity[p]]);
            for (List<Integer> pairs : byWeek.values()) {
                long total = pairs.stream().mapToLong(p -> instance.minutes[eligibility.activity[p]]).sum();
                if (total > cap.getAsInt()) {
                    long[] minutes = pairs.stream().mapToLong(p -> instance.minutes[eligibility.activity[p]]).toArray();
                    model.addLessOrEqual(LinearExpr.weightedSum(literals(pairs), minutes), cap.getAsInt());
                }
            }
        }
    }

    /** A credential with maxPerWeek covers at most that many activities of its procedure per ISO week. */
    private void limitCredentialUsesPerWeek() {
        Map<Long, List<Integer>> byCredentialWeek = new HashMap<>();
        for (int p = 0; p < eligibility.size; p++) {
            int k = eligibility.credential[p];
            if (k >= 0 && instance.problem.credentials().get(k).maxPerWeek() != null) {
                long key = (long) k * instance.weekCount + instance.week[eligibility.activity[p]];
                byCredentialWeek.computeIfAbsent(key, unused -> new ArrayList<>()).add(p);
            }
        }
        byCredentialWeek.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            int k = (int) (entry.getKey() / instance.weekCount);
            int cap = instance.problem.credentials().get(k).maxPerWeek();
            if (entry.getValue().size() > cap) {
                model.addLessOrEqual(LinearExpr.sum(literals(entry.getValue())), cap);
            }
        });
    }

    /** Pins that passed validation are fixed; the others were reported as pin conflicts. */
    private void keepPins() {
        for (int p : acceptedPins) {
            model.addEquality(x[p], 1);
        }
    }

    // ---- soft rules ------------------------------------------------------------------------------------------------

    private void penaliseUnfilledSeats() {
        objective.addTerm(LinearExpr.sum(unfilled), weights.unfilledSeat());
    }

    private void penaliseQualifiedWhereExpertAvailable() {
        for (int p = 0; p < eligibility.size; p++) {
            if (eligibility.isQualifiedInsteadOfExpert(p)) {
                objective.addTerm(x[p], weights.qualifiedInsteadOfExpert());
            }
        }
    }

    private void penaliseUndesiredDays() {
        for (int p = 0; p < eligibility.size; p++) {
            if (instance.prefers(eligibility.clinician[p], eligibility.activity[p], PreferenceKind.UNDESIRED)) {
                objective.addTerm(x[p], weights.undesiredDay());
            }
        }
    }

    private void rewardDesiredDays() {
        for (int p = 0; p < eligibility.size; p++) {
            if (instance.prefers(eligibility.clinician[p], eligibility.activity[p], PreferenceKind.DESIRED)) {
                objective.addTerm(x[p], -weights.desiredDay());
            }
        }
    }

    /**
     * Cost per whole hour of (max − min) fte-normalised load over the clinicians eligible for something in the window.
     * Loads use integer coefficients round(minutes / fte); the spread is rounded up to hours.
     */
    private void penaliseUnfairness() {
        if (weights.fairness() == 0) {
            return;
        }
        long upper = 0;
        for (int c = 0; c < instance.clinicianCount(); c++) {
            if (eligibility.clinicianHasAnyPair(c)) {
                fairnessClinicians.add(c);
            }
        }
        if (fairnessClinicians.size() < 2) {
            fairnessClinicians.clear();
            return;
        }
        for (int c : fairnessClinicians) {
            int[] pairs = eligibility.byClinician[c];
            long[] coefficients = new long[pairs.length];
            long total = 0;
            for (int i = 0; i < pairs.length; i++) {
                coefficients[i] = instance.normalisedMinutes(eligibility.activity[pairs[i]], c);
                total += coefficients[i];
            }
            IntVar load = model.newIntVar(0, total, "");
            model.addEquality(load, LinearExpr.weightedSum(literals(pairs), coefficients));
            loads.add(load);
            upper = Math.max(upper, total);
        }
        maxLoad = model.newIntVar(0, upper, "maxLoad");
        minLoad = model.newIntVar(0, upper, "minLoad");
        for (IntVar load : loads) {
            model.addGreaterOrEqual(maxLoad, load);
            model.addLessOrEqual(minLoad, load);
        }
        spreadHours = model.newIntVar(0, (upper + 59) / 60, "spreadHours");
        model.addGreaterOrEqual(LinearExpr.term(spreadHours, 60), LinearExpr.newBuilder().add(maxLoad).addTerm(minLoad, -1));
        objective.addTerm(spreadHours, weights.fairness());
    }

    /** Each previous assignment not kept costs {@code change}: w·(1 − x[p]) if keepable, w otherwise. */
    private void penaliseChangesFromPrevious() {
        long w = weights.change();
        objective.add(w * previous.unkeepable());
        for (int p : previous.keepablePairs()) {
            objective.add(w).addTerm(x[p], -w);
        }
    }

    // ---- warm start ------------------------------------------------------------------------------------------------

    /** Hints every variable from a feasible allocation, so CP-SAT's first solution is at least that good. */
    void hint(boolean[] chosen) {
        int[] filled = new int[instance.activityCount()];
        long[] load = new long[instance.clinicianCount()];
        for (int p = 0; p < eligibility.size; p++) {
            model.addHint(x[p], chosen[p]);
            if (chosen[p]) {
                filled[eligibility.activity[p]]++;
                load[eligibility.clinician[p]] += instance.normalisedMinutes(eligibility.activity[p], eligibility.clinician[p]);
            }
        }
        for (int a = 0; a < instance.activityCount(); a++) {
            model.addHint(unfilled[a], instance.required[a] - filled[a]);
        }
        if (!fairnessClinicians.isEmpty()) {
            long max = Long.MIN_VALUE;
            long min = Long.MAX_VALUE;
            for (int i = 0; i < fairnessClinicians.size(); i++) {
                long value = load[fairnessClinicians.get(i)];
                model.addHint(loads.get(i), value);
                max = Math.max(max, value);
                min = Math.min(min, value);
            }
            model.addHint(maxLoad, max);
            model.addHint(minLoad, min);
            model.addHint(spreadHours, (max - min + 59) / 60);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /**
     * For one clinician's pairs (in start order), adds an at-most-one per maximal set of activities that pairwise come
     * closer than {@code padSeconds} (0: that overlap). A sweep over starts finds the maximal cliques of the interval graph.
     */
    private void addAtMostOnePerClique(int[] pairs, long padSeconds) {
        List<Integer> active = new ArrayList<>();
        for (int i = 0; i < pairs.length; i++) {
            long startHere = instance.start[eligibility.activity[pairs[i]]];
            active.removeIf(q -> instance.end[eligibility.activity[q]] + padSeconds <= startHere);
            active.add(pairs[i]);
            if (active.size() < 2) {
                continue;
            }
            boolean last = i == pairs.length - 1;
            long earliestRelease = Long.MAX_VALUE;
            for (int q : active) {
                earliestRelease = Math.min(earliestRelease, instance.end[eligibility.activity[q]] + padSeconds);
            }
            if (last || earliestRelease <= instance.start[eligibility.activity[pairs[i + 1]]]) {
                model.addAtMostOne(literalList(active));
            }
        }
    }

    private Map<Integer, List<Integer>> groupPairs(int[] pairs, java.util.function.IntUnaryOperator key) {
        Map<Integer, List<Integer>> groups = new java.util.TreeMap<>();
        for (int p : pairs) {
            groups.computeIfAbsent(key.applyAsInt(p), unused -> new ArrayList<>()).add(p);
        }
        return groups;
    }

    private LinearArgument[] literals(int[] pairs) {
        LinearArgument[] result = new LinearArgument[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            result[i] = x[pairs[i]];
        }
        return result;
    }

    private LinearArgument[] literals(List<Integer> pairs) {
        LinearArgument[] result = new LinearArgument[pairs.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = x[pairs.get(i)];
        }
        return result;
    }

    private List<Literal> literalList(List<Integer> pairs) {
        List<Literal> result = new ArrayList<>(pairs.size());
        for (int p : pairs) {
            result.add(x[p]);
        }
        return result;
    }
}
