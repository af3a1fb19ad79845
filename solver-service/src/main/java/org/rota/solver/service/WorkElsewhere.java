package org.rota.solver.service;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.rota.solver.config.SolverConfig;
import org.rota.solver.domain.PlanningWindow;
import org.rota.solver.repository.FixedWorkRepository;
import org.rota.solver.repository.FixedWorkRepository.FixedWork;
import org.rota.solver.solver.BusyInterval;
import org.rota.solver.solver.SolverOptions;

/**
 * The work a window's clinicians already do outside it, as the core's fixed work: other windows' current assignments
 * and pins, with times and procedure. It reaches far enough for every working-time rule to see what can matter: the
 * whole ISO weeks touching the window widened by the minimum rest plus the longest duty period on each side (the
 * weekly caps count whole weeks; rest and duty length chain across the window's edges).
 */
@ApplicationScoped
public class WorkElsewhere {

    private final FixedWorkRepository fixedWork;
    private final ZoneId zone;

    WorkElsewhere(FixedWorkRepository fixedWork, SolverConfig config) {
        this.fixedWork = fixedWork;
        this.zone = config.zone();
    }

    /** The fixed work of the window's department's clinicians; call within the reading transaction. */
    public List<BusyInterval> ofDepartment(PlanningWindow window, SolverOptions options) {
        Reach reach = reach(window, options);
        return fixedWork.ofDepartment(of(window), reach.from(), reach.to()).stream().map(WorkElsewhere::busy).toList();
    }

    /** The fixed work of one clinician around the window. */
    public List<FixedWork> ofClinician(UUID clinicianId, PlanningWindow window, SolverOptions options) {
        Reach reach = reach(window, options);
        return fixedWork.ofClinician(clinicianId, of(window), reach.from(), reach.to());
    }

    /** [from, to): the ISO weeks touching the window widened by minRest + maxDuty on each side. */
    public Reach reach(PlanningWindow window, SolverOptions options) {
        Duration margin = Duration.ofMinutes((long) options.minRestMinutes() + options.maxDutyMinutes());
        Instant from = window.from(zone).minus(margin);
        Instant to = window.to(zone).plus(margin);
        return new Reach(weekStart(from).atStartOfDay(zone).toInstant(),
                weekStart(to.minusNanos(1)).plusWeeks(1).atStartOfDay(zone).toInstant());
    }

    public record Reach(Instant from, Instant to) {
    }

    public static BusyInterval busy(FixedWork work) {
        return new BusyInterval(work.clinicianId().toString(), work.start(), work.end(), work.procedureCode());
    }

    private LocalDate weekStart(Instant instant) {
        return instant.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private FixedWorkRepository.Window of(PlanningWindow window) {
        return new FixedWorkRepository.Window(window.id(), window.department(), window.from(zone), window.to(zone));
    }
}
