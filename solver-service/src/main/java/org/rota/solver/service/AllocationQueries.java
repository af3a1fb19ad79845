package org.rota.solver.service;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.rota.events.AllocationEvent;
import org.rota.events.AllocationEvent.AssignmentEntry;
import org.rota.events.AllocationEvent.UnfilledEntry;
import org.rota.platform.problem.ProblemException;
import org.rota.platform.web.Page;
import org.rota.platform.web.PageRequest;
import org.rota.solver.config.SolverConfig;
import org.rota.solver.domain.PlanningWindow;
import org.rota.solver.domain.SolveRun;
import org.rota.solver.repository.AllocationRepository;
import org.rota.solver.repository.SolveRunRepository;

/** What schedulers read: the current allocation by range, by activity, by clinician, and the solve history. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class AllocationQueries {

    /** The longest range a listing of allocations (or of coverage) may ask for. */
    public static final int MAX_RANGE_DAYS = 190;

    private final AllocationRepository allocations;
    private final SolveRunRepository solveRuns;
    private final ZoneId zone;

    AllocationQueries(AllocationRepository allocations, SolveRunRepository solveRuns, SolverConfig config) {
        this.allocations = allocations;
        this.solveRuns = solveRuns;
        this.zone = config.zone();
    }

    public record WindowVersion(String windowId, long version, Instant publishedAt, String solverStatus) {
    }

    /** The current allocation of a range: every seat taken and every seat left empty (with why) in it. */
    public record RangeAllocation(LocalDate from, LocalDate to, List<WindowVersion> windows,
            List<AssignmentEntry> assignments, List<UnfilledEntry> unfilled) {
    }

    public RangeAllocation range(LocalDate from, LocalDate to, String department) {
        requireRange(from, to);
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.atStartOfDay(zone).toInstant();
        List<WindowVersion> windows = new ArrayList<>();
        List<AssignmentEntry> assignments = new ArrayList<>();
        List<UnfilledEntry> unfilled = new ArrayList<>();
        for (AllocationEvent allocation : latestAllocations(start, end, department)) {
            windows.add(new WindowVersion(allocation.windowId(), allocation.version(), allocation.publishedAt(),
                    allocation.solverStatus()));
            allocation.assignments().stream().filter(a -> a.start().isBefore(end) && a.end().isAfter(start))
                    .forEach(assignments::add);
            allocation.unfilled().stream().filter(u -> u.start().isBefore(end) && u.end().isAfter(start))
                    .forEach(unfilled::add);
        }
        assignments.sort(Comparator.comparing(AssignmentEntry::start));
        unfilled.sort(Comparator.comparing(UnfilledEntry::start));
        return new RangeAllocation(from, to, windows, assignments, unfilled);
    }

    public List<AssignmentEntry> clinician(UUID clinicianId, LocalDate from, LocalDate to) {
        requireRange(from, to);
        return allocations.assignmentsOf(clinicianId, from.atStartOfDay(zone).toInstant(),
                to.atStartOfDay(zone).toInstant()).stream()
                .map(a -> new AssignmentEntry(a.activityId, a.clinicianId, a.level, a.seat, a.procedureCode, a.start,
                        a.end, a.urgent ? Boolean.TRUE : null))
                .toList();
    }

    /**
     * The latest allocation of each window overlapping [start, end), optionally of one department: only the weeks of
     * the range are read, by index.
     */
    public List<AllocationEvent> latestAllocations(Instant start, Instant end, String department) {
        return allocations.latestOfWeeks(weekOf(start), weekOf(end.minusNanos(1)), department).stream()
                .map(allocations::event).toList();
    }

    /** The current allocation of one window, if it has one. */
    public Optional<AllocationEvent> latestAllocation(PlanningWindow window) {
        return allocations.latest(window.id()).map(allocations::event);
    }

    private LocalDate weekOf(Instant instant) {
        return instant.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public Page<SolveRun> runs(String windowId, PageRequest page) {
        return solveRuns.page(windowId, page, offset(page));
    }

    public SolveRun run(UUID id) {
        SolveRun run = solveRuns.find(id);
        if (run == null) {
            throw ProblemException.notFound("Solve run", id);
        }
        return run;
    }

    /** The first row of the page; a page beyond what an offset can address is the client's error, not a 500. */
    private static int offset(PageRequest page) {
        try {
            return Math.multiplyExact(page.page(), page.size());
        } catch (ArithmeticException e) {
            throw ProblemException.badRequest("page", "page x size must stay below " + Integer.MAX_VALUE);
        }
    }

    private static void requireRange(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw ProblemException.badRequest(from == null ? "from" : "to", "from and to are required ISO dates");
        }
        if (!to.isAfter(from)) {
            throw ProblemException.badRequest("to", "to must be after from");
        }
        if (to.isAfter(from.plusDays(MAX_RANGE_DAYS))) {
            throw ProblemException.badRequest("to", "a range covers at most " + MAX_RANGE_DAYS + " days");
        }
    }
}
