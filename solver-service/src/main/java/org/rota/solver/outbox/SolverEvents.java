package org.rota.solver.outbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.rota.events.AllocationEvent;
import org.rota.events.CoverageChangedEvent;
import org.rota.events.EventTypes;
import org.rota.events.Topics;
import org.rota.events.WindowDirty;
import org.rota.platform.outbox.Outbox;
import org.rota.solver.domain.PlanningWindow;

/** What solver-service announces, through the transactional outbox like every other Rota change. */
@ApplicationScoped
public class SolverEvents {

    private final Outbox outbox;

    SolverEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void allocationPublished(AllocationEvent allocation) {
        outbox.append(Topics.ALLOCATIONS, EventTypes.ALLOCATION, EventTypes.key("allocation", allocation.windowId()),
                allocation.windowId(), allocation);
    }

    /** Keyed by department, so one department's coverage changes arrive in order. */
    public void coverageChanged(CoverageChangedEvent change) {
        outbox.append(Topics.COVERAGE, EventTypes.COVERAGE_CHANGED, change.department(), change.windowId(), change);
    }

    /**
     * Marks a window for solving. Keyed by window id, so the solving consumer group gives every window to exactly one
     * replica (the owner of its partition).
     */
    public void windowDirty(PlanningWindow window, String cause) {
        outbox.append(Topics.SOLVER_WORK, EventTypes.WINDOW_DIRTY, window.id(), window.id(),
                new WindowDirty(window.id(), cause, Instant.now()));
    }
}
