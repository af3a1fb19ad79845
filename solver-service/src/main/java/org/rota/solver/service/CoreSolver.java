package org.rota.solver.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.rota.solver.config.SolverConfig;
import org.rota.solver.solver.ActivityExplanation;
import org.rota.solver.solver.AllocationSolver;
import org.rota.solver.solver.Assignment;
import org.rota.solver.solver.ClinicianVerdict;
import org.rota.solver.solver.Problem;
import org.rota.solver.solver.RuleViolation;
import org.rota.solver.solver.SearchSettings;
import org.rota.solver.solver.Solution;

/**
 * The plain-Java solver core as the service uses it, with the configured options as defaults: one bean, so that the
 * event-driven path and its tests can replace how a window's problem is solved.
 */
@ApplicationScoped
public class CoreSolver {

    private final AllocationSolver solver;

    CoreSolver(ProblemBuilder problems, SolverConfig config) {
        this.solver = new AllocationSolver(problems.options(), new SearchSettings(config.maxMemoryMb()));
    }

    public Solution solve(Problem problem) {
        return solver.solve(problem);
    }

    /** Every clinician's verdict on one activity, and its empty seats' reasons, given these assignments. */
    public ActivityExplanation explain(Problem problem, String activityId, List<Assignment> assignments) {
        return solver.explain(problem, activityId, assignments);
    }

    /** Whether the clinician can serve the activity beside these assignments, and if not, the rule that stops them. */
    public ClinicianVerdict verdict(Problem problem, String activityId, String clinicianId,
            List<Assignment> assignments) {
        return solver.verdict(problem, activityId, clinicianId, assignments);
    }

    /** The assignments that break a hard rule given the problem's fixed work; empty: they can be published. */
    public List<RuleViolation> violations(Problem problem, List<Assignment> assignments) {
        return solver.violations(problem, assignments);
    }
}
