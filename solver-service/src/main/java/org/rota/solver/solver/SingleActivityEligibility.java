package org.rota.solver.solver;

import java.util.List;

/**
 * The solver's own eligibility of one clinician for one activity taken on its own: the checks of
 * {@link EligibilityCalculator} (active, credential ACTIVE and valid over the activity at a level that fits one of its
 * seat groups, no absence) and the hard rules an activity can break by itself (a duty or week too long for it alone, a
 * weekly procedure cap of 0). The problem's fixed work is left out: rules that depend on other assignments do not count.
 * For callers outside the solver that judge many pairs of one problem (coverage at risk).
 */
public final class SingleActivityEligibility {

    /** The pair's verdict (the first failing check, or ELIGIBLE) and the credential level it would serve at. */
    public record Judgement(Verdict verdict, Level level) {

        public boolean eligible() {
            return !verdict.blocks();
        }
    }

    private final Instance instance;
    private final EligibilityCalculator calculator;

    public SingleActivityEligibility(Problem problem, SolverOptions defaults) {
        this.instance = new Instance(problem.withBusy(List.of()), defaults);
        this.calculator = new EligibilityCalculator(instance);
    }

    public Judgement judge(String activityId, String clinicianId) {
        Integer a = instance.activityIndex.get(activityId);
        Integer c = instance.clinicianIndex.get(clinicianId);
        if (a == null || c == null) {
            throw new InvalidProblemException(a == null ? "activityId" : "clinicianId",
                    "is not in the problem: " + (a == null ? activityId : clinicianId));
        }
        EligibilityCalculator.Assessment assessment = calculator.assess(a, c);
        return new Judgement(assessment.verdict(), assessment.level());
    }

    /** The supervision ratio that applies to the activity: its own, else the options'. */
    public int traineesPerSupervisor(String activityId) {
        Integer a = instance.activityIndex.get(activityId);
        if (a == null) {
            throw new InvalidProblemException("activityId", "is not in the problem: " + activityId);
        }
        return instance.seats[a].traineesPerSupervisor;
    }
}
