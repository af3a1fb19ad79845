package org.rota.solver.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;

import org.rota.platform.problem.ProblemException;
import org.rota.solver.config.SolverConfig;
import org.rota.solver.domain.KnownActivity;
import org.rota.solver.domain.KnownClinician;
import org.rota.solver.domain.Pin;
import org.rota.solver.domain.PlanningWindow;
import org.rota.solver.outbox.SolverEvents;
import org.rota.solver.repository.AllocationRepository;
import org.rota.solver.repository.PinRepository;
import org.rota.solver.repository.ReadModelRepository;

@ApplicationScoped
@Transactional
public class PinService {

    private final PinRepository pins;
    private final ReadModelRepository readModel;
    private final SolverEvents events;
    private final SolverConfig config;
    private final PinCheck check;
    private final WorkElsewhere workElsewhere;
    private final ProblemBuilder problems;
    private final AllocationRepository allocations;
    private final WindowBudget budget;

    PinService(PinRepository pins, ReadModelRepository readModel, SolverEvents events, SolverConfig config,
            PinCheck check, WorkElsewhere workElsewhere, ProblemBuilder problems, AllocationRepository allocations,
            WindowBudget budget) {
        this.pins = pins;
        this.readModel = readModel;
        this.events = events;
        this.config = config;
        this.check = check;
        this.workElsewhere = workElsewhere;
        this.problems = problems;
        this.allocations = allocations;
        this.budget = budget;
    }

    public Pin create(@Valid PinRequest request) {
        KnownActivity activity = readModel.activity(request.activityId());
        if (activity == null) {
            throw ProblemException.unprocessable("activityId", "Activity " + request.activityId() + " is not known");
        }
        if (readModel.clinician(request.clinicianId()) == null) {
            throw ProblemException.unprocessable("clinicianId", "Clinician " + request.clinicianId() + " is not known");
        }
        if (pins.exists(request.activityId(), request.clinicianId())) {
            throw ProblemException.conflict("clinicianId", "This clinician is already pinned to this activity");
        }
        PlanningWindow window = PlanningWindow.containing(activity.department, activity.start, config.zone());
        if (budget.exceededBy(WindowSize.of(window, config.zone(), readModel)).isEmpty()) {
            // a window beyond the solve budget is not loaded to judge a pin: it is not solved, and its pins wait
            check.requireKeepable(activity, request.clinicianId(), window);
        }
        Pin pin = new Pin();
        pin.id = UUID.randomUUID();
        pin.activityId = activity.id;
        pin.clinicianId = request.clinicianId();
        pin.reason = request.reason();
        pin.createdAt = Instant.now();
        pins.persist(pin);
        events.windowDirty(window, "pin added");
        displaceAutomaticAssignments(pin, window);
        return pin;
    }

    /**
     * A pin beats an automatic assignment elsewhere: every other window in which the clinician works near the pinned
     * activity is re-planned, seeing the pin as the clinician's fixed work.
     */
    private void displaceAutomaticAssignments(Pin pin, PlanningWindow window) {
        WorkElsewhere.Reach reach = workElsewhere.reach(window, problems.options());
        allocations.windowsAssigning(pin.clinicianId, reach.from(), reach.to()).stream()
                .filter(other -> !other.equals(window.id()))
                .forEach(other -> events.windowDirty(PlanningWindow.parse(other), "displaced by a pin in " + window));
    }

    public void delete(UUID id) {
        Pin pin = pins.find(id);
        if (pin == null) {
            throw ProblemException.notFound("Pin", id);
        }
        pins.remove(pin);
        KnownActivity activity = readModel.activity(pin.activityId);
        if (activity != null) {
            PlanningWindow window = PlanningWindow.containing(activity.department, activity.start, config.zone());
            events.windowDirty(window, "pin removed");
            replanAroundReleased(pin.clinicianId, window);
        }
    }

    /**
     * Windows that gave way to the pin may use the clinician again: every window of the clinician's departments
     * within reach of the pinned activity's window is re-planned (one without activities costs a count).
     */
    private void replanAroundReleased(UUID clinicianId, PlanningWindow window) {
        KnownClinician clinician = readModel.clinician(clinicianId);
        if (clinician == null) {
            return;
        }
        WorkElsewhere.Reach reach = workElsewhere.reach(window, problems.options());
        for (String department : clinician.departments) {
            PlanningWindow other = PlanningWindow.containing(department, reach.from(), config.zone());
            while (other.from(config.zone()).isBefore(reach.to())) {
                if (!other.equals(window)) {
                    events.windowDirty(other, "a pin elsewhere was removed");
                }
                other = new PlanningWindow(department, other.weekStart().plusWeeks(1));
            }
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Pin> list(UUID activityId) {
        return pins.list(activityId);
    }
}
