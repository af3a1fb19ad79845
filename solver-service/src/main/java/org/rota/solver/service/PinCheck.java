package org.rota.solver.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.rota.solver.domain.KnownActivity;
import org.rota.solver.domain.PlanningWindow;
import org.rota.solver.repository.FixedWorkRepository.FixedWork;
import org.rota.solver.service.ProblemBuilder.WindowProblem;
import org.rota.solver.solver.Assignment;
import org.rota.solver.solver.BusyInterval;
import org.rota.solver.solver.ClinicianVerdict;
import org.rota.solver.solver.Pin;
import org.rota.solver.solver.Problem;

/**
 * Whether a new pin can be kept, judged by the core with the solve's own rules: against the window's other pins and
 * the clinician's work elsewhere that a pin cannot displace (other windows' pins, and work that has started). Other
 * windows' automatic assignments do not stop a pin: those windows are re-planned around it.
 */
@ApplicationScoped
public class PinCheck {

    /** The rule named when an activity already has as many pins as seats. */
    static final String MORE_PINS_THAN_SEATS = "MORE_PINS_THAN_SEATS";

    private final ProblemBuilder problems;
    private final WorkElsewhere workElsewhere;
    private final CoreSolver solver;
    private final Clock clock;

    /** The rule named when the activity has started: what has started is never changed (see FreezePolicy). */
    static final String ACTIVITY_STARTED = "ACTIVITY_STARTED";

    PinCheck(ProblemBuilder problems, WorkElsewhere workElsewhere, CoreSolver solver, Clock clock) {
        this.problems = problems;
        this.workElsewhere = workElsewhere;
        this.solver = solver;
        this.clock = clock;
    }

    /** Throws {@link PinRefusedException} naming the rule when the pin cannot be kept. */
    @Transactional(TxType.MANDATORY)
    public void requireKeepable(KnownActivity activity, UUID clinicianId, PlanningWindow window) {
        if (!activity.start.isAfter(clock.instant())) {
            throw new PinRefusedException(ACTIVITY_STARTED, "The activity started at " + activity.start
                    + "; an activity that has started keeps its assignees as published", "activityId");
        }
        WindowProblem windowProblem = problems.build(window);
        Problem problem = windowProblem.problem();
        String activityId = activity.id.toString();
        String clinician = clinicianId.toString();
        if (problem.activities().stream().noneMatch(a -> a.id().equals(activityId))) {
            return; // a cancelled activity: its pin waits, and is judged if the activity is scheduled again
        }
        List<Assignment> otherPins = new ArrayList<>();
        long pinsOfActivity = 0;
        for (Pin pin : problem.pins()) {
            if (pin.activityId().equals(activityId)) {
                pinsOfActivity++;
            }
            otherPins.add(new Assignment(pin.activityId(), pin.clinicianId(), null));
        }
        if (pinsOfActivity >= activity.seatCount()) {
            throw new PinRefusedException(MORE_PINS_THAN_SEATS, "The activity has " + activity.seatCount()
                    + " seat(s) and as many pins already");
        }
        ClinicianVerdict verdict = solver.verdict(problem.withBusy(busyAPinCannotDisplace(problem, clinicianId, window)),
                activityId, clinician, otherPins);
        if (verdict.verdict().blocks()) {
            throw new PinRefusedException(verdict.verdict().name(), "The pin would break " + verdict.verdict()
                    + (verdict.detail() == null ? "" : ": " + verdict.detail()));
        }
    }

    /** The problem's fixed work, with this clinician's reduced to what a pin cannot displace. */
    private List<BusyInterval> busyAPinCannotDisplace(Problem problem, UUID clinicianId, PlanningWindow window) {
        String clinician = clinicianId.toString();
        Instant now = clock.instant();
        List<BusyInterval> busy = new ArrayList<>(
                problem.busy().stream().filter(b -> !b.clinicianId().equals(clinician)).toList());
        for (FixedWork work : workElsewhere.ofClinician(clinicianId, window, problem.options())) {
            if (work.pinned() || work.start().isBefore(now)) {
                busy.add(WorkElsewhere.busy(work));
            }
        }
        return busy;
    }
}
