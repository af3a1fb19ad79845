package org.rota.solver.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.rota.platform.problem.ProblemException;
import org.rota.solver.config.SolverConfig;
import org.rota.solver.domain.PlanningWindow;
import org.rota.solver.outbox.SolverEvents;
import org.rota.solver.repository.ReadModelRepository;

/**
 * A user's request to solve a date range. It goes through the work topic like any change, so the replica that owns
 * each window solves it and no window is ever solved twice at once.
 */
@ApplicationScoped
public class SolveRequests {

    public static final String CAUSE = "requested";
    private static final int MAX_WEEKS = 26;

    private final ReadModelRepository readModel;
    private final SolverEvents events;
    private final ZoneId zone;

    SolveRequests(ReadModelRepository readModel, SolverEvents events, SolverConfig config) {
        this.readModel = readModel;
        this.events = events;
        this.zone = config.zone();
    }

    /** Marks every window of the range (of one department, or of every department with activities) for solving. */
    @Transactional
    public List<PlanningWindow> request(LocalDate from, LocalDate to, String department) {
        if (from == null || to == null) {
            throw ProblemException.badRequest(from == null ? "from" : "to", "from and to are required ISO dates");
        }
        if (!to.isAfter(from)) {
            throw ProblemException.badRequest("to", "to must be after from");
        }
        if (to.isAfter(from.plusWeeks(MAX_WEEKS))) {
            throw ProblemException.badRequest("to", "a request covers at most " + MAX_WEEKS + " weeks");
        }
        Set<String> departments = new TreeSet<>();
        if (department != null) {
            departments.add(department);
        } else {
            departments.addAll(readModel.departmentsWithActivities(from.atStartOfDay(zone).toInstant(),
                    to.atStartOfDay(zone).toInstant()));
        }
        List<PlanningWindow> windows = new ArrayList<>();
        for (String each : departments) {
            PlanningWindow window = PlanningWindow.containing(each, from.atStartOfDay(zone).toInstant(), zone);
            while (window.weekStart().isBefore(to)) {
                windows.add(window);
                events.windowDirty(window, CAUSE);
                window = new PlanningWindow(each, window.weekStart().plusWeeks(1));
            }
        }
        return windows;
    }
}
