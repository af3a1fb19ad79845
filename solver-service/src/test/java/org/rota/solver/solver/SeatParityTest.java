package org.rota.solver.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rota.solver.solver.ProblemBuilder.problem;

import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The model and the checker/evaluator define the same seat, supervision and objective rules: on small random lists
 * (random seat groups, optional seats, ratios, levels, day preferences, fairness) the best allocation found by trying
 * every set of pairs the ledger accepts, priced by {@link ObjectiveEvaluator}, costs exactly CP-SAT's proven optimum,
 * and the evaluator prices CP-SAT's solution at CP-SAT's own objective value.
 */
@DisplayName("Model, checker and evaluator agree on seats, supervision and the objective")
class SeatParityTest {

    private static final Level[] LEVELS = Level.values();

    static {
        new AllocationSolver(); // loads the OR-Tools natives
    }

    @Test
    void cpSatsOptimumIsTheBestAllocationTheCheckerAcceptsAsTheEvaluatorPricesIt() {
        int checked = 0;
        for (int seed = 0; seed < 80; seed++) {
            Problem problem = randomInstance(new Random(seed));
            Instance instance = new Instance(problem, SolverOptions.defaults());
            Eligibility eligibility = new EligibilityCalculator(instance).calculate();
            if (eligibility.size > 12) {
                continue;
            }
            checked++;
            PreviousAllocation previous = PreviousAllocation.of(instance, eligibility);
            AllocationModel model = new AllocationModel(instance, new HardRules(instance), eligibility, List.of(),
                    previous);
            CpSolver solver = new CpSolver();
            solver.getParameters().setNumWorkers(1).setMaxTimeInSeconds(10);
            assertThat(solver.solve(model.model)).as("seed %d", seed).isEqualTo(CpSolverStatus.OPTIMAL);
            boolean[] chosen = new boolean[eligibility.size];
            for (int p = 0; p < chosen.length; p++) {
                chosen[p] = solver.booleanValue(model.x[p]);
            }
            long cpSat = Math.round(solver.objectiveValue());

            assertThat(ObjectiveEvaluator.evaluate(instance, eligibility, previous, chosen).total())
                    .as("seed %d: the evaluator's price of CP-SAT's solution, %s", seed, problem).isEqualTo(cpSat);
            assertThat(accepted(instance, eligibility, chosen)).as("seed %d: the checker accepts it", seed).isTrue();
            assertThat(bestAccepted(instance, eligibility, previous))
                    .as("seed %d: the best allocation the checker accepts, %s", seed, problem).isEqualTo(cpSat);
        }
        assertThat(checked).isGreaterThan(40);
    }

    private static Problem randomInstance(Random random) {
        ProblemBuilder builder = problem()
                .weights(1_000, 100, 10, random.nextInt(3), random.nextInt(3), random.nextInt(2), 0);
        int clinicians = 3 + random.nextInt(3);
        for (int c = 0; c < clinicians; c++) {
            builder.clinician("c" + c, random.nextBoolean() ? 1.0 : 0.5, null)
                    .credential("c" + c, "P", LEVELS[random.nextInt(LEVELS.length)]);
            if (random.nextInt(3) == 0) {
                builder.preference("c" + c, "2026-12-07", random.nextBoolean() ? PreferenceKind.DESIRED
                        : PreferenceKind.UNDESIRED);
            }
        }
        int activities = 1 + random.nextInt(2);
        for (int a = 0; a < activities; a++) {
            List<Seat> seats = new ArrayList<>();
            for (Level level : LEVELS) {
                if (random.nextInt(3) > 0) {
                    seats.add(new Seat(level, 1 + random.nextInt(2), random.nextInt(3) == 0));
                }
            }
            if (seats.isEmpty()) {
                seats.add(new Seat(Level.QUALIFIED, 1, false));
            }
            Integer ratio = random.nextInt(3) == 0 ? null : random.nextInt(3);
            // the second list overlaps the first or not, so that working-time rules take part
            String start = a == 0 ? "2026-12-07T08:00" : random.nextBoolean() ? "2026-12-07T10:00" : "2026-12-08T08:00";
            String end = a == 0 ? "2026-12-07T12:00" : start.substring(0, 11) + "14:00";
            builder.activity("a" + a, start, end, "P", ratio, seats.toArray(Seat[]::new));
        }
        return builder.build();
    }

    private static long bestAccepted(Instance instance, Eligibility eligibility, PreviousAllocation previous) {
        long best = Long.MAX_VALUE;
        for (int subset = 0; subset < 1 << eligibility.size; subset++) {
            boolean[] chosen = new boolean[eligibility.size];
            for (int p = 0; p < chosen.length; p++) {
                chosen[p] = (subset & 1 << p) != 0;
            }
            if (accepted(instance, eligibility, chosen)) {
                best = Math.min(best, ObjectiveEvaluator.evaluate(instance, eligibility, previous, chosen).total());
            }
        }
        return best;
    }

    /** The ledger takes the pairs one by one, supervisors first, and accepts each (working time, seats, supervision). */
    private static boolean accepted(Instance instance, Eligibility eligibility, boolean[] chosen) {
        HardRuleLedger ledger = new HardRuleLedger(instance, eligibility);
        List<Integer> pairs = new ArrayList<>();
        for (int p = 0; p < chosen.length; p++) {
            if (chosen[p]) {
                pairs.add(p);
            }
        }
        pairs.sort(Comparator.comparing((Integer p) -> eligibility.kind[p] == SeatPlan.TRAINEE).thenComparing(p -> p));
        for (int p : pairs) {
            if (!ledger.fits(p)) {
                return false;
            }
            ledger.take(p);
        }
        return true;
    }
}
