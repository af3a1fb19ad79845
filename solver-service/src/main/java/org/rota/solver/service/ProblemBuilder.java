package org.rota.solver.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.rota.solver.config.SolverConfig;
import org.rota.solver.domain.KnownActivity;
import org.rota.solver.domain.KnownClinician;
import org.rota.solver.domain.KnownCredential;
import org.rota.solver.mapping.CredentialStatusMapper;
import org.rota.solver.mapping.SeatMapper;
import org.rota.solver.domain.PlanningWindow;
import org.rota.solver.repository.AllocationRepository;
import org.rota.solver.repository.PinRepository;
import org.rota.solver.repository.ReadModelLock;
import org.rota.solver.repository.ReadModelRepository;
import org.rota.solver.solver.Absence;
import org.rota.solver.solver.Activity;
import org.rota.solver.solver.BusyInterval;
import org.rota.solver.solver.Clinician;
import org.rota.solver.solver.Credential;
import org.rota.solver.solver.CredentialStatus;
import org.rota.solver.solver.DayPreference;
import org.rota.solver.solver.Level;
import org.rota.solver.solver.Pin;
import org.rota.solver.solver.PreferenceKind;
import org.rota.solver.solver.PreviousAssignment;
import org.rota.solver.solver.Problem;
import org.rota.solver.solver.SolverOptions;
import org.rota.solver.solver.Weights;

/**
 * Builds the solver's input for one planning window from the read model: the department's scheduled activities of the
 * week, its clinicians with their credentials, absences and preferences, the pins, the current allocation as the
 * previous one, and the clinicians' fixed work outside the window ({@link WorkElsewhere}: other departments and the
 * adjacent weeks), which every hard rule counts.
 */
@ApplicationScoped
public class ProblemBuilder {

    private final ReadModelRepository readModel;
    private final PinRepository pinRepository;
    private final AllocationRepository allocations;
    private final SolverConfig config;
    private final ReadModelLock readModelLock;
    private final WorkElsewhere workElsewhere;

    ProblemBuilder(ReadModelRepository readModel, PinRepository pinRepository, AllocationRepository allocations,
            SolverConfig config, ReadModelLock readModelLock, WorkElsewhere workElsewhere) {
        this.readModel = readModel;
        this.pinRepository = pinRepository;
        this.allocations = allocations;
        this.config = config;
        this.readModelLock = readModelLock;
        this.workElsewhere = workElsewhere;
    }

    /** The window's input and the read-model activities it covers (for the entries of the published allocation). */
    /**
     * @param problem what to solve
     * @param frozen what the freeze keeps out of it and puts back (see {@link FreezePolicy}); nothing until applied
     */
    public record WindowProblem(PlanningWindow window, Problem problem, List<KnownActivity> activities,
            FrozenWindow frozen) {

        public WindowProblem(PlanningWindow window, Problem problem, List<KnownActivity> activities) {
            this(window, problem, activities, FrozenWindow.nothing(problem));
        }
    }

    @Transactional(TxType.MANDATORY)
    public WindowProblem build(PlanningWindow window) {
        readModelLock.share(); // a read-model rebuild swaps the model before or after this problem, never during
        ZoneId zone = config.zone();
        Instant from = window.from(zone);
        Instant to = window.to(zone);
        List<KnownActivity> activities = readModel.scheduledActivities(window.department(), from, to);
        List<KnownClinician> clinicians = readModel.cliniciansOf(window.department());
        String department = window.department();
        SolverOptions options = options();

        Problem problem = new Problem(zone,
                clinicians.stream().map(ProblemBuilder::clinician).toList(),
                readModel.credentialsOf(department).stream().map(ProblemBuilder::credential).toList(),
                activities.stream().map(ProblemBuilder::activity).toList(),
                absences(department, from, to),
                readModel.preferencesOf(department, window.weekStart(), window.weekStart().plusWeeks(1)).stream()
                        .map(p -> new DayPreference(p.clinicianId.toString(), p.day, PreferenceKind.valueOf(p.kind)))
                        .toList(),
                pins(department, from, to),
                previous(window),
                fixedWork(window, options),
                options);
        return new WindowProblem(window, problem, activities);
    }

    /**
     * What a department's activities of [from, to) are judged on by themselves (coverage at risk): its clinicians,
     * their credentials and absences, mapped as for a solve, without preferences, pins, previous allocation or fixed
     * work. {@code credentials} lists the read-model credentials in the order of the problem's. The caller takes the
     * read-model lock if it needs one snapshot across a rebuild.
     */
    public record ReadModelInput(Problem problem, List<KnownActivity> activities, List<KnownCredential> credentials) {
    }

    @Transactional(TxType.MANDATORY)
    public ReadModelInput readModelInput(String department, Instant from, Instant to) {
        List<KnownActivity> activities = readModel.scheduledActivities(department, from, to);
        List<KnownCredential> credentials = readModel.credentialsOf(department);
        Problem problem = new Problem(config.zone(),
                readModel.cliniciansOf(department).stream().map(ProblemBuilder::clinician).toList(),
                credentials.stream().map(ProblemBuilder::credential).toList(),
                activities.stream().map(ProblemBuilder::activity).toList(),
                absences(department, from, to), List.of(), List.of(), List.of(), List.of(), options());
        return new ReadModelInput(problem, activities, credentials);
    }

    private List<Absence> absences(String department, Instant from, Instant to) {
        return readModel.absencesOf(department, from, to).stream()
                .map(a -> new Absence(a.clinicianId.toString(), a.from, a.until)).toList();
    }

    /**
     * The work of the window's clinicians that the solve cannot change and every hard rule counts; read again at
     * commit time, for the commit check.
     */
    public List<BusyInterval> fixedWork(PlanningWindow window, SolverOptions options) {
        return workElsewhere.ofDepartment(window, options);
    }

    /** The configured solver settings; a what-if request overrides any of them. */
    public SolverOptions options() {
        SolverConfig.Weights w = config.weights();
        return new SolverOptions(config.timeLimitSeconds(), config.workers(), config.seed(), config.minRestMinutes(),
                config.maxDutyMinutes(), config.maxActivitiesPerDay(), config.defaultMaxMinutesPerWeek(),
                new Weights(w.unfilledSeat(), w.qualifiedInsteadOfExpert(), w.undesiredDay(), w.desiredDay(),
                        w.fairness(), w.change(), w.unfilledOptionalSeat()),
                config.traineesPerSupervisor());
    }

    private List<Pin> pins(String department, Instant from, Instant to) {
        return pinRepository.ofScheduledActivities(department, from, to).stream()
                .map(p -> new Pin(p.activityId.toString(), p.clinicianId.toString())).toList();
    }

    private List<PreviousAssignment> previous(PlanningWindow window) {
        return allocations.currentAssignments(window.id()).stream()
                .map(a -> new PreviousAssignment(a.activityId.toString(), a.clinicianId.toString())).toList();
    }

    private static Clinician clinician(KnownClinician c) {
        return new Clinician(c.id.toString(), c.fte.doubleValue(), c.maxMinutesPerWeek, c.active, null);
    }

    private static Credential credential(KnownCredential c) {
        return new Credential(c.clinicianId.toString(), c.procedureCode, Level.valueOf(c.level.name()), c.validFrom,
                c.validUntil, CredentialStatus.valueOf(c.status.name()), c.maxPerWeek,
                CredentialStatusMapper.stepsToSolver(c.statusHistory));
    }

    private static Activity activity(KnownActivity a) {
        return new Activity(a.id.toString(), a.start, a.end, a.procedureCode, null, null, a.title, a.location,
                SeatMapper.toSolver(a.seats), a.traineesPerSupervisor);
    }
}
