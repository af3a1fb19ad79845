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
 * The CP-SAT model: {@code x[p]} for each eligible pair p = (activity, clinician) and {@code empty[a][group]} per seat
 * group of an activity, one method per rule. Hard rules are constraints; soft rules add weighted terms to one minimised
 * objective. Which seat a holder fills needs no variables of its own ({@link SeatPlan}): trainees and QUALIFIED holders
 * each fit one group, and only an activity with both an EXPERT and a QUALIFIED group gets one integer, the experts in
 * its EXPERT seats.
 */
final class AllocationModel {

    final CpModel model = new CpModel();
    final BoolVar[] x;
    /** Per activity and group kind ({@link SeatPlan}): its empty seats; null where the activity has no such group. */
    final IntVar[][] empty;
    /** Per activity with an EXPERT and a QUALIFIED group and an expert candidate: experts in EXPERT seats, else null. */
    private final IntVar[] expertsInExpertSeats;

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
    private final List<IntVar> squares = new ArrayList<>();
    private IntVar squaredHours;
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
        this.empty = new IntVar[instance.activityCount()][];
        this.expertsInExpertSeats = new IntVar[instance.activityCount()];

        seatHoldersInFittingGroups();
        superviseTrainees();
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

    /**
     * Every seat of a group is filled by a holder who fits it or counted empty (X_k: the activity's holders of kind k,
     * E/Q/T the groups' counts): trainees X_T + empty_T = T; with one non-trainee group, its fitting holders plus its
     * empty seats make its count; with both, e experts sit in EXPERT seats: e ≤ X_E, e + empty_E = E,
     * X_Q + X_E − e + empty_Q = Q. A single-group activity is Σ x + empty = count, as before seat groups.
     */
    private void seatHoldersInFittingGroups() {
        for (int a = 0; a < instance.activityCount(); a++) {
            SeatPlan plan = instance.seats[a];
            List<List<Integer>> byKind = pairsByKind(a);
            LinearExprBuilder experts = sum(byKind.get(SeatPlan.EXPERT));
            LinearExprBuilder qualified = sum(byKind.get(SeatPlan.QUALIFIED));
            int expertCandidates = byKind.get(SeatPlan.EXPERT).size();
            int qualifiedCandidates = byKind.get(SeatPlan.QUALIFIED).size();
            empty[a] = new IntVar[3];
            if (plan.has(SeatPlan.TRAINEE)) {
                IntVar emptyTrainee = emptySeats(a, SeatPlan.TRAINEE, byKind.get(SeatPlan.TRAINEE).size());
                model.addEquality(sum(byKind.get(SeatPlan.TRAINEE)).add(emptyTrainee), plan.count[SeatPlan.TRAINEE]);
            }
            boolean expertGroup = plan.has(SeatPlan.EXPERT);
            boolean qualifiedGroup = plan.has(SeatPlan.QUALIFIED);
            if (expertGroup && qualifiedGroup) {
                IntVar emptyExpert = emptySeats(a, SeatPlan.EXPERT, expertCandidates);
                IntVar emptyQualified = emptySeats(a, SeatPlan.QUALIFIED, expertCandidates + qualifiedCandidates);
                if (expertCandidates == 0) {
                    model.addEquality(emptyExpert, plan.count[SeatPlan.EXPERT]);
                    model.addEquality(qualified.add(emptyQualified), plan.count[SeatPlan.QUALIFIED]);
                } else {
                    IntVar inExpertSeats = model.newIntVar(0, Math.min(plan.count[SeatPlan.EXPERT], expertCandidates), "");
                    expertsInExpertSeats[a] = inExpertSeats;
                    model.addLessOrEqual(inExpertSeats, sum(byKind.get(SeatPlan.EXPERT)));
                    model.addEquality(LinearExpr.newBuilder().add(inExpertSeats).add(emptyExpert),
                            plan.count[SeatPlan.EXPERT]);
                    model.addEquality(qualified.addSum(literals(byKind.get(SeatPlan.EXPERT)))
                            .addTerm(inExpertSeats, -1).add(emptyQualified), plan.count[SeatPlan.QUALIFIED]);
                }
            } else if (expertGroup) {
                IntVar emptyExpert = emptySeats(a, SeatPlan.EXPERT, expertCandidates);
                model.addEquality(experts.add(emptyExpert), plan.count[SeatPlan.EXPERT]);
            } else if (qualifiedGroup) {
                IntVar emptyQualified = emptySeats(a, SeatPlan.QUALIFIED, expertCandidates + qualifiedCandidates);
                model.addEquality(experts.addSum(literals(byKind.get(SeatPlan.QUALIFIED))).add(emptyQualified),
                        plan.count[SeatPlan.QUALIFIED]);
            }
        }
    }

    /** The group's empty seats: at least what the candidates cannot fill whatever happens. */
    private IntVar emptySeats(int a, int kind, int candidates) {
        int count = instance.seats[a].count[kind];
        IntVar var = model.newIntVar(Math.max(0, count - candidates), count, "");
        empty[a][kind] = var;
        return var;
    }

    /** Trainees ≤ traineesPerSupervisor × the holders of the non-trainee seats, per activity (0: no trainees). */
    private void superviseTrainees() {
        for (int a = 0; a < instance.activityCount(); a++) {
            SeatPlan plan = instance.seats[a];
            List<List<Integer>> byKind = pairsByKind(a);
            if (byKind.get(SeatPlan.TRAINEE).isEmpty()) {
                continue;
            }
            LinearExprBuilder supervision = LinearExpr.newBuilder();
            for (int kind : new int[] {SeatPlan.EXPERT, SeatPlan.QUALIFIED}) {
                for (int p : byKind.get(kind)) {
                    supervision.addTerm(x[p], plan.traineesPerSupervisor);
                }
            }
            model.addLessOrEqual(sum(byKind.get(SeatPlan.TRAINEE)), supervision);
        }
    }

    private List<List<Integer>> pairsByKind(int a) {
        List<List<Integer>> byKind = Instance.buckets(3);
        for (int p : eligibility.byActivity[a]) {
            byKind.get(eligibility.kind[p]).add(p);
        }
        return byKind;
    }

    private LinearExprBuilder sum(List<Integer> pairs) {
        return LinearExpr.newBuilder().addSum(literals(pairs));
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

    /** Each empty seat costs its group's weight: unfilledSeat, or unfilledOptionalSeat for an optional group. */
    private void penaliseUnfilledSeats() {
        for (int a = 0; a < instance.activityCount(); a++) {
            for (int kind = 0; kind < 3; kind++) {
                if (empty[a][kind] != null) {
                    objective.addTerm(empty[a][kind], instance.seats[a].weight[kind]);
                }
            }
        }
    }

    private void penaliseQualifiedWhereExpertAvailable() {
        for (int p = 0; p < eligibility.size; p++) {
            if (eligibility.isQualifiedInsteadOfExpert(p)) {
                objective.addTerm(x[p], weights.qualifiedInsteadOfExpert());
            }
        }
    }

    /** undesiredDay per hour of the activity on an undesired day ({@link Instance#perHour}). */
    private void penaliseUndesiredDays() {
        for (int p = 0; p < eligibility.size; p++) {
            if (eligibility.undesiredCost[p] != 0) {
                objective.addTerm(x[p], eligibility.undesiredCost[p]);
            }
        }
    }

    /** desiredDay per hour of the activity on a desired day, as a reward. */
    private void rewardDesiredDays() {
        for (int p = 0; p < eligibility.size; p++) {
            if (eligibility.desiredReward[p] != 0) {
                objective.addTerm(x[p], -eligibility.desiredReward[p]);
            }
        }
    }

    /**
     * {@link Fairness}, per hour²: for each counted clinician, load L_c = Σ x·normalised minutes and z_c ≥ every line
     * of the interpolated square over the deviation n·L_c − F within L_c's range (z_c is then the curve's value, scaled
     * by 60n); 60n·Y ≥ Σ z_c; Y costs {@code fairness} each. Convex, linear and separable per clinician: the LP bound is
     * the curve's own, and no products are needed.
     */
    private void penaliseUnfairness() {
        Fairness fairness = eligibility.fairness;
        if (weights.fairness() == 0 || fairness.counted == 0) {
            return;
        }
        long unit = fairness.unit();
        long sumOfLargest = 0;
        for (int c = 0; c < instance.clinicianCount(); c++) {
            if (!fairness.counts(c)) {
                continue;
            }
            int[] pairs = eligibility.byClinician[c];
            long[] coefficients = new long[pairs.length];
            long most = 0;
            for (int j = 0; j < pairs.length; j++) {
                coefficients[j] = instance.normalisedMinutes(eligibility.activity[pairs[j]], c);
                most += coefficients[j];
            }
            IntVar load = model.newIntVar(0, most, "");
            model.addEquality(load, LinearExpr.weightedSum(literals(pairs), coefficients));
            long largest = Math.max(fairness.scaledTerm(0), fairness.scaledTerm(most));
            IntVar square = model.newIntVar(0, largest, "");
            int n = fairness.counted;
            for (int k = Fairness.piece(fairness.deviation(0), n); k <= Fairness.piece(fairness.deviation(most), n); k++) {
                // square ≥ (2k+1)·(n·L − F) − k(k+1)·60n
                model.addGreaterOrEqual(LinearExpr.newBuilder().add(square).addTerm(load, -(2L * k + 1) * n),
                        -(2L * k + 1) * fairness.fairTotal - (long) k * (k + 1) * unit);
            }
            fairnessClinicians.add(c);
            loads.add(load);
            squares.add(square);
            sumOfLargest += largest;
        }
        squaredHours = model.newIntVar(0, Fairness.ceilDiv(sumOfLargest, unit), "squaredHours");
        model.addGreaterOrEqual(LinearExpr.term(squaredHours, unit),
                LinearExpr.sum(squares.toArray(LinearArgument[]::new)));
        objective.addTerm(squaredHours, weights.fairness());
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
        int[][] holders = new int[instance.activityCount()][3];
        long[] load = new long[instance.clinicianCount()];
        for (int p = 0; p < eligibility.size; p++) {
            model.addHint(x[p], chosen[p]);
            if (chosen[p]) {
                holders[eligibility.activity[p]][eligibility.kind[p]]++;
                load[eligibility.clinician[p]] += instance.normalisedMinutes(eligibility.activity[p], eligibility.clinician[p]);
            }
        }
        for (int a = 0; a < instance.activityCount(); a++) {
            int[] emptySeats = instance.seats[a].empty(holders[a]);
            for (int kind = 0; kind < 3; kind++) {
                if (empty[a][kind] != null) {
                    model.addHint(empty[a][kind], emptySeats[kind]);
                }
            }
            if (expertsInExpertSeats[a] != null) {
                model.addHint(expertsInExpertSeats[a], instance.seats[a].expertsInExpertSeats(holders[a]));
            }
        }
        // true wherever allowed: a feasible allocation then satisfies every duty-length clause (see limitDutyPeriods)
        for (PeriodStart start : periodStarts) {
            boolean starts = (start.pair() < 0 || chosen[start.pair()])
                    && start.before().stream().noneMatch(p -> chosen[p]);
            model.addHint(start.starts(), starts);
        }
        if (!fairnessClinicians.isEmpty()) {
            long sum = 0;
            for (int i = 0; i < fairnessClinicians.size(); i++) {
                long value = load[fairnessClinicians.get(i)];
                long square = eligibility.fairness.scaledTerm(value);
                model.addHint(loads.get(i), value);
                model.addHint(squares.get(i), square);
                sum += square;
            }
            model.addHint(squaredHours, eligibility.fairness.squaredHours(sum));
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
