package org.rota.solver.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.rota.events.AllocationEvent;
import org.rota.events.AllocationEvent.AssignmentEntry;
import org.rota.events.AllocationEvent.UnfilledEntry;
import org.rota.events.SeatGroup;
import org.rota.platform.problem.ProblemException;
import org.rota.solver.config.SolverConfig;
import org.rota.solver.domain.KnownActivity;
import org.rota.solver.domain.KnownClinician;
import org.rota.solver.domain.PlanningWindow;
import org.rota.solver.mapping.SeatMapper;
import org.rota.solver.repository.PinRepository;
import org.rota.solver.repository.ReadModelRepository;
import org.rota.solver.service.ProblemBuilder.WindowProblem;
import org.rota.solver.solver.ActivityExplanation;
import org.rota.solver.solver.Assignment;
import org.rota.solver.solver.ClinicianVerdict;

/**
 * Answers "who staffs this activity, and why not the others?": the current assignment, the pins, and the solver
 * core's explanation of it (the same eligibility and working-time rules as the solve, against the window's input as
 * it stands and the published assignments): for every clinician of the department the verdict naming the rule, and
 * for each empty seat its own reason.
 */
@ApplicationScoped
@Transactional
public class ActivityExplainer {

    private final PinRepository pins;
    private final ReadModelRepository readModel;
    private final AllocationQueries allocations;
    private final ProblemBuilder problems;
    private final CoreSolver solver;
    private final WindowBudget budget;
    private final ZoneId zone;

    ActivityExplainer(PinRepository pins, ReadModelRepository readModel, AllocationQueries allocations,
            ProblemBuilder problems, CoreSolver solver, WindowBudget budget, SolverConfig config) {
        this.pins = pins;
        this.readModel = readModel;
        this.allocations = allocations;
        this.problems = problems;
        this.solver = solver;
        this.budget = budget;
        this.zone = config.zone();
    }

    public record ActivityAllocation(UUID activityId, String department, String title, String location,
            String procedureCode, String minimumLevel, int requiredClinicians, List<SeatGroup> seats,
            Integer traineesPerSupervisor, String status, Instant start,
            Instant end, String windowId, Long allocationVersion, List<AssignmentEntry> assignments,
            List<UnfilledEntry> unfilled, List<UUID> pinnedClinicians, List<Candidate> candidates) {
    }

    /**
     * One clinician of the department: ASSIGNED, ELIGIBLE_NOT_CHOSEN (with the cost that kept them out, when a single
     * move would put them in), ELIGIBLE (no allocation yet), or the rule that stops them, with what it met.
     */
    public record Candidate(UUID clinicianId, String displayName, String verdict, String level, String detail,
            Long cost) {
    }

    public ActivityAllocation explain(UUID activityId) {
        KnownActivity activity = readModel.activity(activityId);
        if (activity == null) {
            throw ProblemException.notFound("Activity", activityId);
        }
        PlanningWindow window = PlanningWindow.containing(activity.department, activity.start, zone);
        AllocationEvent allocation = allocations.latestAllocation(window).orElse(null);
        List<AssignmentEntry> assigned = allocation == null ? List.of()
                : allocation.assignments().stream().filter(a -> a.activityId().equals(activityId)).toList();
        List<UnfilledEntry> unfilled = allocation == null ? List.of()
                : allocation.unfilled().stream().filter(u -> u.activityId().equals(activityId)).toList();
        List<UUID> pinned = pins.list(activityId).stream().map(p -> p.clinicianId).toList();
        List<Candidate> candidates = List.of();

        // a window beyond the solve budget is not loaded for an explanation either: it has no verdicts
        WindowProblem problem = budget.exceededBy(WindowSize.of(window, zone, readModel)).isPresent() ? null
                : problems.build(window);
        if (problem != null && problem.activities().stream().anyMatch(a -> a.id.equals(activityId))) {
            // a cancelled activity is in no problem: it keeps what was published, and nobody is judged for it
            List<Assignment> published = allocation == null ? null : allocation.assignments().stream()
                    .map(a -> new Assignment(a.activityId().toString(), a.clinicianId().toString(), null,
                            SeatMapper.toSolver(a.seat())))
                    .toList();
            ActivityExplanation explanation = solver.explain(problem.problem(), activityId.toString(), published);
            candidates = candidates(activity, explanation);
            if (allocation != null) {
                unfilled = explanation.unfilled().stream()
                        .map(u -> new UnfilledEntry(activityId, u.seats(), u.reason().name(),
                                SeatMapper.toEvents(u.level()), u.optional(), activity.procedureCode, activity.start,
                                activity.end))
                        .toList();
            }
        }
        return new ActivityAllocation(activity.id, activity.department, activity.title, activity.location,
                activity.procedureCode, activity.minimumLevel.name(), activity.requiredClinicians, activity.seats,
                activity.traineesPerSupervisor, activity.status,
                activity.start, activity.end, window.id(), allocation == null ? null : allocation.version(), assigned,
                unfilled, pinned, candidates);
    }

    private List<Candidate> candidates(KnownActivity activity, ActivityExplanation explanation) {
        Map<String, String> names = new HashMap<>();
        for (KnownClinician clinician : readModel.cliniciansOf(activity.department)) {
            names.put(clinician.id.toString(), clinician.displayName);
        }
        return explanation.clinicians().stream()
                .sorted(Comparator.comparing(ClinicianVerdict::verdict)
                        .thenComparing(v -> String.valueOf(names.get(v.clinicianId()))))
                .map(v -> new Candidate(UUID.fromString(v.clinicianId()), names.get(v.clinicianId()),
                        v.verdict().name(), v.level() == null ? null : v.level().name(), v.detail(), v.cost()))
                .toList();
    }
}
