package org.rota.solver.service;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.rota.solver.config.SolverConfig;
import org.rota.solver.solver.Problem;
import org.rota.solver.solver.Solution;
import org.rota.solver.solver.SolveStatus;

/**
 * Test-only fault hook on the solver core: a problem holding an activity named here ends INFEASIBLE (once), or throws
 * (until told to stop), as a solver bug or a crash would. Every other problem is solved as usual. A singleton, so
 * that it needs no client proxy (test classes are not transformed to get the constructor one needs).
 */
@Alternative
@Priority(1)
@Singleton
public class FailingCoreSolver extends CoreSolver {

    private static final Set<String> INFEASIBLE_ONCE = ConcurrentHashMap.newKeySet();
    private static final Set<String> THROWING = ConcurrentHashMap.newKeySet();

    @Inject
    FailingCoreSolver(ProblemBuilder problems, SolverConfig config) {
        super(problems, config);
    }

    public static void answerInfeasibleOnceFor(String activityId) {
        INFEASIBLE_ONCE.add(activityId);
    }

    public static void throwWhileSolving(String activityId) {
        THROWING.add(activityId);
    }

    public static void stopThrowing(String activityId) {
        THROWING.remove(activityId);
    }

    @Override
    public Solution solve(Problem problem) {
        List<String> activities = problem.activities().stream().map(a -> a.id()).toList();
        if (activities.stream().anyMatch(THROWING::contains)) {
            throw new IllegalStateException("Simulated: the solver crashed");
        }
        if (activities.stream().anyMatch(INFEASIBLE_ONCE::remove)) {
            // what the core answers when CP-SAT proves the model infeasible: no objective, nothing assigned
            return new Solution(SolveStatus.INFEASIBLE, null, null, List.of(), List.of(), List.of(), null, null);
        }
        return super.solve(problem);
    }
}
