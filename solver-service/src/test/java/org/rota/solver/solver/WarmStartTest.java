package org.rota.solver.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rota.solver.solver.ProblemBuilder.problem;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rota.solver.bench.InstanceGenerator;

@DisplayName("Warm start and staged solving")
class WarmStartTest {

    private static Problem twoWeeks() {
        // small enough that the squared fairness term is proven optimal within the time limit
        return InstanceGenerator.generate(new InstanceGenerator.Spec("two-weeks", 8, 3, 2, 16, false, 11))
                .withOptions(new SolverOptions(10.0, 1, 0, null, null, null));
    }

    @Test
    void theGreedyAllocationRespectsEveryHardRule() {
        Problem problem = twoWeeks();
        Instance instance = new Instance(problem, SolverOptions.defaults());
        Eligibility eligibility = new EligibilityCalculator(instance).calculate();
        HardRuleLedger ledger = new HardRuleLedger(instance, eligibility);
        boolean[] chosen = GreedyConstruction.build(instance, eligibility, ledger, List.of(), Set.of());

        HardRuleLedger replay = new HardRuleLedger(instance, eligibility);
        for (int p = 0; p < eligibility.size; p++) {
            if (chosen[p]) {
                assertThat(replay.check(p)).isNull();
                assertThat(replay.hasFreeSeat(eligibility.activity[p])).isTrue();
                replay.take(p);
            }
        }
    }

    @Test
    void theGreedyStartWeighsWhatEachAssignmentDoesToTheFairnessTerm() {
        // c1 wants every day (20 per 4-hour session) but the fair share is 8 h each: a third session would cost c1
        // 16 h² against a 20 reward, while c2 and c3 below their share lower the term by 16 to 48 h² per session
        ProblemBuilder builder = problem().clinician("c1").clinician("c2").clinician("c3")
                .weights(100_000, 0, 0, 5, 1, 0);
        for (int day = 7; day <= 9; day++) {
            builder.preference("c1", "2026-12-%02d".formatted(day), PreferenceKind.DESIRED)
                    .activity("am" + day, "2026-12-%02dT08:00".formatted(day), "2026-12-%02dT12:00".formatted(day), null)
                    .activity("pm" + day, "2026-12-%02dT13:00".formatted(day), "2026-12-%02dT17:00".formatted(day), null);
        }
        Instance instance = new Instance(builder.build(), SolverOptions.defaults());
        Eligibility eligibility = new EligibilityCalculator(instance).calculate();

        boolean[] chosen = GreedyConstruction.build(instance, eligibility, new HardRuleLedger(instance, eligibility),
                List.of(), Set.of());

        ObjectiveBreakdown breakdown = ObjectiveEvaluator.evaluate(instance, eligibility,
                PreviousAllocation.of(instance, eligibility), chosen);
        assertThat(breakdown.counts().fairnessSquaredHours()).isZero();
        assertThat(breakdown.counts().desiredMinutes()).isEqualTo(2 * 4 * 60);
    }

    @Test
    void localSearchLowersTheFairnessTermWithoutRaisingTheObjective() {
        // the greedy start gives all six sessions to c1, who is first in line and cheapest
        Problem problem = problem()
                .clinician("c1").clinician("c2").clinician("c3")
                .activity("s1", "2026-12-07T08:00", "2026-12-07T12:00", null)
                .activity("s2", "2026-12-07T13:00", "2026-12-07T17:00", null)
                .activity("s3", "2026-12-08T08:00", "2026-12-08T12:00", null)
                .activity("s4", "2026-12-08T13:00", "2026-12-08T17:00", null)
                .activity("s5", "2026-12-09T08:00", "2026-12-09T12:00", null)
                .activity("s6", "2026-12-09T13:00", "2026-12-09T17:00", null)
                .build();
        Instance instance = new Instance(problem, SolverOptions.defaults());
        Eligibility eligibility = new EligibilityCalculator(instance).calculate();
        PreviousAllocation previous = PreviousAllocation.of(instance, eligibility);
        boolean[] chosen = new boolean[eligibility.size];
        for (int a = 0; a < instance.activityCount(); a++) {
            chosen[eligibility.pair(a, 0)] = true;
        }
        ObjectiveBreakdown before = ObjectiveEvaluator.evaluate(instance, eligibility, previous, chosen);

        LocalSearch.improve(instance, eligibility, chosen, Set.of(), Set.of(), System.nanoTime() + 1_000_000_000L);

        ObjectiveBreakdown after = ObjectiveEvaluator.evaluate(instance, eligibility, previous, chosen);
        assertThat(before.counts().fairnessSquaredHours()).isEqualTo(16 * 16 + 8 * 8 + 8 * 8);
        assertThat(after.counts().fairnessSquaredHours()).isZero();
        assertThat(after.total()).isLessThan(before.total());
        assertThat(after.counts().unfilledSeats()).isZero();
    }

    @Test
    void localSearchGivesACostlyAssignmentToACheaperHolderEvenIfTheyMustHandTheirOwnOn() {
        // start: the expert runs the clinic, so the VAS list went to the qualified clinician (cost 10);
        // better: the expert hands the clinic on to the third clinician and takes the VAS list
        Problem problem = problem()
                .clinician("expert").clinician("qualified").clinician("other")
                .credential("expert", "VAS", Level.EXPERT)
                .credential("qualified", "VAS", Level.QUALIFIED)
                .activity("vas", "2026-12-07T08:00", "2026-12-07T12:00", "VAS")
                .activity("clinic", "2026-12-07T08:00", "2026-12-07T12:00", null)
                .weights(100_000, 10, 0, 0, 0, 0)
                .build();
        Instance instance = new Instance(problem, SolverOptions.defaults());
        Eligibility eligibility = new EligibilityCalculator(instance).calculate();
        int vas = instance.activityIndex.get("vas");
        int clinic = instance.activityIndex.get("clinic");
        boolean[] chosen = new boolean[eligibility.size];
        chosen[eligibility.pair(vas, instance.clinicianIndex.get("qualified"))] = true;
        chosen[eligibility.pair(clinic, instance.clinicianIndex.get("expert"))] = true;

        LocalSearch.improve(instance, eligibility, chosen, Set.of(), Set.of(), System.nanoTime() + 1_000_000_000L);

        assertThat(chosen[eligibility.pair(vas, instance.clinicianIndex.get("expert"))]).isTrue();
        assertThat(chosen[eligibility.pair(clinic, instance.clinicianIndex.get("qualified"))]
                || chosen[eligibility.pair(clinic, instance.clinicianIndex.get("other"))]).isTrue();
        assertThat(ObjectiveEvaluator.evaluate(instance, eligibility, PreviousAllocation.of(instance, eligibility),
                chosen).total()).isZero();
    }

    @Test
    void aStagedSolveFindsTheSameOptimumAsASingleSolve() {
        Problem problem = twoWeeks();

        Solution single = new AllocationSolver(SolverOptions.defaults(), Integer.MAX_VALUE).solve(problem);
        Solution staged = new AllocationSolver(SolverOptions.defaults(), 0)
                .solve(problem.withOptions(problem.options().withWorkers(2)));

        assertThat(single.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(staged.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(staged.objective()).isEqualTo(single.objective());
        assertThat(staged.bestBound()).isEqualTo(staged.objective());
    }

    @Test
    void aStagedSolveWithOneWorkerFindsTheSameOptimum() {
        Problem problem = twoWeeks();

        Solution single = new AllocationSolver(SolverOptions.defaults(), Integer.MAX_VALUE).solve(problem);
        Solution staged = new AllocationSolver(SolverOptions.defaults(), 0)
                .solve(problem.withOptions(problem.options().withWorkers(1)));

        assertThat(staged.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(staged.objective()).isEqualTo(single.objective());
    }

    @Test
    void previousAssignmentsAreKeptWhenNothingChanged() {
        Problem problem = twoWeeks();
        Solution first = new AllocationSolver().solve(problem);

        Solution again = new AllocationSolver().solve(problem.withPrevious(first.assignments().stream()
                .map(assignment -> new PreviousAssignment(assignment.activityId(), assignment.clinicianId()))
                .toList()));

        assertThat(again.assignments()).containsExactlyInAnyOrderElementsOf(first.assignments());
        assertThat(again.breakdown().changes()).isZero();
    }
}
