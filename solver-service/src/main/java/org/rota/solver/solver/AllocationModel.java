package org.rota.solver.solver;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
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
    private final HardRules rules;
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
    /** The duty-period start literals, so that a hint can give them values too (CP-SAT ignores an incomplete hint). */
    private final List<PeriodStart> periodStarts = new ArrayList<>();

    /** {@code starts} may be true only when {@code pair} (−1: fixed work) is worked and none of {@code before} is. */
    private record PeriodStart(BoolVar starts, int pair, List<Integer> before) {
    }

    AllocationModel(Instance instance, HardRules rules, Eligibility eligibility, List<Integer> acceptedPins,
                    PreviousAllocation previous) {
        this(instance, rules, eligibility, acceptedPins, previous, true);
    }

    /**
     * @param withFairness false builds the relaxation without the fairness term: as that term is never negative, its
     *                     bound is a valid bound of the full model, and without it the model splits by ISO week
     */
    AllocationModel(Instance instance, HardRules rules, Eligibility eligibility, List<Integer> acceptedPins,
                    PreviousAllocation previous, boolean withFairness) {
        this.instance = instance;
        this.rules = rules;
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
        limitDutyPeriods();
        limitActivitiesPerDay();
        limitWeeklyMinutesByFte();
        limitProcedureUsesPerWeek();
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

    /**
     * Duty periods last at most maxDuty ({@link HardRules}). Per clinician, over their candidate activities and their
     * fixed work near them, in start order (fixed work is always worked):
     * <ol>
     *   <li>two pieces less than the rest apart whose joint span exceeds maxDuty: not both (everything worked between
     *   them would be in the same duty period anyway);</li>
     *   <li>{@code brk[m]} may be true only if m is worked and nothing worked before m ends less than the rest before
     *   m starts (m starts a new duty period); for pieces i before j, at least the rest apart, with end(j) − start(i) >
     *   maxDuty and start(j) − start(i) < maxDuty + rest, that pieces between them could bridge:
     *   ¬x[i] ∨ ¬x[j] ∨ ⋁ brk[m] over the pieces m after i up to j.</li>
     * </ol>
     * Sound: the clause is violated only when i and j are worked and every worked piece after i up to j continues a
     * duty period, i.e. i and j share one whose span exceeds maxDuty. Complete: take a too-long duty period, its first
     * piece i, and the first piece j after which the period's span exceeds maxDuty. Everything before j ends by
     * start(i) + maxDuty, so start(j) < start(i) + maxDuty + rest and end(j) − start(i) > maxDuty; no worked piece up
     * to j starts a period, so either rule 1 (i, j closer than the rest) or rule 2's clause for (i, j) is violated.
     * Fixed work alone is a fact, never a constraint; a candidate that fixed work alone rules out has no variable.
     */
    private void limitDutyPeriods() {
        long reach = rules.restSeconds + rules.maxDutySeconds;
        for (int c = 0; c < instance.clinicianCount(); c++) {
            int[] pairs = eligibility.byClinician[c];
            if (pairs.length == 0) {
                continue;
            }
            List<Piece> pieces = new ArrayList<>();
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (int p : pairs) {
                HardRules.Work work = rules.work(eligibility.activity[p]);
                pieces.add(new Piece(work, p));
                first = Math.min(first, work.start());
                last = Math.max(last, work.end());
            }
            for (HardRules.Work work : rules.fixed(c)) {
                if (work.start() < last + reach && work.end() > first - reach) {
                    pieces.add(new Piece(work, -1));
                }
            }
            pieces.sort(java.util.Comparator.comparing(Piece::work, HardRules.BY_START)
                    .thenComparingInt(Piece::pair));
            forbidPairsWithoutRest(pieces);
            forbidChainsTooLong(pieces);
        }
    }

    /** A candidate activity (pair ≥ 0) or a piece of fixed work (pair −1). */
    private record Piece(HardRules.Work work, int pair) {

        boolean fixed() {
            return pair < 0;
        }
    }

    private void forbidPairsWithoutRest(List<Piece> pieces) {
        for (int i = 0; i < pieces.size(); i++) {
            Piece earlier = pieces.get(i);
            for (int j = i + 1; j < pieces.size(); j++) {
                Piece later = pieces.get(j);
                if (later.work().start() - earlier.work().start() >= rules.restSeconds + rules.maxDutySeconds) {
                    break;
                }
                if (!earlier.fixed() && !later.fixed() && rules.restBroken(earlier.work(), later.work())) {
                    model.addBoolOr(new Literal[] {x[earlier.pair()].not(), x[later.pair()].not()});
                }
            }
        }
    }

    private void forbidChainsTooLong(List<Piece> pieces) {
        Literal[] periodStart = new Literal[pieces.size()];
        boolean[] periodStartDefined = new boolean[pieces.size()];
        for (int i = 0; i < pieces.size(); i++) {
            HardRules.Work from = pieces.get(i).work();
            for (int j = i + 1; j < pieces.size(); j++) {
                HardRules.Work to = pieces.get(j).work();
                if (to.start() - from.start() >= rules.maxDutySeconds + rules.restSeconds) {
                    break;
                }
                if (HardRules.gap(from, to) < rules.restSeconds || to.end() - from.start() <= rules.maxDutySeconds
                        || !bridgeable(pieces, i, j, false)) {
                    continue;
                }
                if (bridgeable(pieces, i, j, true) && pieces.get(i).fixed() && pieces.get(j).fixed()) {
                    continue; // fixed work alone makes this duty period: a fact, not a choice
                }
                List<Literal> clause = new ArrayList<>();
                if (!pieces.get(i).fixed()) {
                    clause.add(x[pieces.get(i).pair()].not());
                }
                if (!pieces.get(j).fixed()) {
                    clause.add(x[pieces.get(j).pair()].not());
                }
                for (int m = i + 1; m <= j; m++) {
                    if (!periodStartDefined[m]) {
                        periodStart[m] = periodStart(pieces, m);
                        periodStartDefined[m] = true;
                    }
                    if (periodStart[m] != null) {
                        clause.add(periodStart[m]);
                    }
                }
                if (!clause.isEmpty()) {
                    model.addBoolOr(clause);
                }
            }
        }
    }

    /**
     * Whether pieces strictly between i and j (ending by start(i) + maxDuty) could chain i to j with gaps below the
     * rest; with {@code fixedOnly}, using fixed work alone.
     */
    private boolean bridgeable(List<Piece> pieces, int i, int j, boolean fixedOnly) {
        long reached = pieces.get(i).work().end();
        long limit = pieces.get(i).work().start() + rules.maxDutySeconds;
        for (int m = i + 1; m < j; m++) {
            HardRules.Work work = pieces.get(m).work();
            if ((fixedOnly && !pieces.get(m).fixed()) || work.end() > limit) {
                continue;
            }
            if (work.start() - reached < rules.restSeconds) {
                reached = Math.max(reached, work.end());
            }
        }
        return pieces.get(j).work().start() - reached < rules.restSeconds;
    }

    /**
     * A literal that may be true only when piece m is worked and starts a duty period (nothing worked before it ends
     * less than the rest before its start); null when it never can (fixed work continues into it).
     */
    private Literal periodStart(List<Piece> pieces, int m) {
        HardRules.Work work = pieces.get(m).work();
        List<Integer> before = new ArrayList<>();
        for (int p = 0; p < m; p++) {
            if (work.start() - pieces.get(p).work().end() < rules.restSeconds) {
                if (pieces.get(p).fixed()) {
                    return null;
                }
                before.add(pieces.get(p).pair());
            }
        }
        BoolVar starts = model.newBoolVar("");
        if (!pieces.get(m).fixed()) {
            model.addImplication(starts, x[pieces.get(m).pair()]);
        }
        for (int p : before) {
            model.addBoolOr(new Literal[] {starts.not(), x[p].not()});
        }
        periodStarts.add(new PeriodStart(starts, pieces.get(m).fixed() ? -1 : pieces.get(m).pair(), before));
        return starts;
    }

    /** At most maxActivitiesPerDay activities (fixed work included) start on one day (in the zone) per clinician. */
    private void limitActivitiesPerDay() {
        for (int c = 0; c < instance.clinicianCount(); c++) {
            int clinician = c;
            Map<Integer, List<Integer>> byDay = groupPairs(eligibility.byClinician[c], p -> instance.day[eligibility.activity[p]]);
            for (List<Integer> pairs : byDay.values()) {
                int room = Math.max(0, rules.maxPerDay
                        - rules.fixedOnDay(clinician, instance.startDate[eligibility.activity[pairs.get(0)]]));
                if (pairs.size() > room) {
                    model.addLessOrEqual(LinearExpr.sum(literals(pairs)), room);
                }
            }
        }
    }

    /** Minutes (fixed work included) starting in one ISO week ≤ fte × the weekly cap. */
    private void limitWeeklyMinutesByFte() {
        for (int c = 0; c < instance.clinicianCount(); c++) {
            int clinician = c;
            Map<Integer, List<Integer>> byWeek = groupPairs(eligibility.byClinician[c], p -> instance.week[eligibility.activity[p]]);
            for (List<Integer> pairs : byWeek.values()) {
                int week = rules.work(eligibility.activity[pairs.get(0)]).week();
                long room = Math.max(0, rules.weeklyCap(clinician) - rules.fixedMinutesInWeek(clinician, week));
                long total = pairs.stream().mapToLong(p -> instance.minutes[eligibility.activity[p]]).sum();
                if (total > room) {
                    long[] minutes = pairs.stream().mapToLong(p -> instance.minutes[eligibility.activity[p]]).toArray();
                    model.addLessOrEqual(LinearExpr.weightedSum(literals(pairs), minutes), room);
                }
            }
        }
    }

    /** Per clinician, procedure and ISO week, activities (fixed work included) ≤ the strictest maxPerWeek. */
    private void limitProcedureUsesPerWeek() {
        for (int c = 0; c < instance.clinicianCount(); c++) {
            Map<String, List<Integer>> groups = new java.util.TreeMap<>();
            for (int p : eligibility.byClinician[c]) {
                HardRules.Work work = rules.work(eligibility.activity[p]);
                if (work.procedure() != null) {
                    groups.computeIfAbsent(work.week() + "/" + work.procedure(), unused -> new ArrayList<>()).add(p);
                }
            }
            for (List<Integer> pairs : groups.values()) {
                HardRules.Work work = rules.work(eligibility.activity[pairs.get(0)]);
                var cap = rules.procedureCap(c, work.procedure(), work.week());
                if (cap.isEmpty()) {
                    continue;
                }
                int room = Math.max(0, cap.getAsInt() - rules.fixedOfProcedureInWeek(c, work.procedure(), work.week()));
                if (pairs.size() > room) {
                    model.addLessOrEqual(LinearExpr.sum(literals(pairs)), room);
                }
            }
        }
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
        // true wherever allowed: a feasible allocation then satisfies every duty-length clause (see limitDutyPeriods)
        for (PeriodStart start : periodStarts) {
            boolean starts = (start.pair() < 0 || chosen[start.pair()])
                    && start.before().stream().noneMatch(p -> chosen[p]);
            model.addHint(start.starts(), starts);
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
