package org.rota.solver.solver;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Tiny hand-built problems for rule specifications. Times are UTC unless a zone is set; one worker, fixed seed. */
final class ProblemBuilder {

    private ZoneId zone = ZoneId.of("UTC");
    private final List<Clinician> clinicians = new ArrayList<>();
    private final List<Credential> credentials = new ArrayList<>();
    private final List<Activity> activities = new ArrayList<>();
    private final List<Absence> absences = new ArrayList<>();
    private final List<DayPreference> preferences = new ArrayList<>();
    private final List<Pin> pins = new ArrayList<>();
    private final List<PreviousAssignment> previous = new ArrayList<>();
    private final List<BusyInterval> busy = new ArrayList<>();
    private SolverOptions options = new SolverOptions(10.0, 1, 0, null, null, null);

    static ProblemBuilder problem() {
        return new ProblemBuilder();
    }

    static Instant at(String localDateTime) {
        return Instant.parse(localDateTime + ":00Z");
    }

    ProblemBuilder zone(String id) {
        zone = ZoneId.of(id);
        return this;
    }

    ProblemBuilder clinician(String id) {
        clinicians.add(new Clinician(id, 1.0, null));
        return this;
    }

    ProblemBuilder clinician(String id, double fte, Integer maxMinutesPerWeek) {
        clinicians.add(new Clinician(id, fte, maxMinutesPerWeek));
        return this;
    }

    ProblemBuilder inactiveClinician(String id) {
        clinicians.add(new Clinician(id, 1.0, null, false, null));
        return this;
    }

    /** An ACTIVE credential valid from 2026-01-01 with no end. */
    ProblemBuilder credential(String clinicianId, String procedure, Level level) {
        return credential(new Credential(clinicianId, procedure, level, LocalDate.parse("2026-01-01"), null,
                CredentialStatus.ACTIVE, null));
    }

    ProblemBuilder credential(Credential credential) {
        credentials.add(credential);
        return this;
    }

    /** An activity for one clinician at minimum level QUALIFIED; times like "2026-12-07T08:00" (UTC). */
    ProblemBuilder activity(String id, String start, String end, String procedure) {
        return activity(id, start, end, procedure, 1, Level.QUALIFIED);
    }

    ProblemBuilder activity(String id, String start, String end, String procedure, int required, Level minimum) {
        activities.add(new Activity(id, at(start), at(end), procedure, required, minimum));
        return this;
    }

    /** An activity that spells out its seat groups, e.g. {@code seats(EXPERT, 1), seats(TRAINEE, 2).optional()}. */
    ProblemBuilder activity(String id, String start, String end, String procedure, Integer traineesPerSupervisor,
                            Seat... seats) {
        activities.add(new Activity(id, at(start), at(end), procedure, null, null, null, null, List.of(seats),
                traineesPerSupervisor));
        return this;
    }

    static Seat seat(Level level, int count) {
        return new Seat(level, count, false);
    }

    static Seat optionalSeat(Level level, int count) {
        return new Seat(level, count, true);
    }

    ProblemBuilder traineesPerSupervisor(int trainees) {
        options = options.withTraineesPerSupervisor(trainees);
        return this;
    }

    ProblemBuilder absence(String clinicianId, String from, String until) {
        absences.add(new Absence(clinicianId, at(from), at(until)));
        return this;
    }

    ProblemBuilder busy(String clinicianId, String from, String until) {
        busy.add(new BusyInterval(clinicianId, at(from), at(until)));
        return this;
    }

    /** Fixed work of one procedure outside the problem (another department, an adjacent week). */
    ProblemBuilder busy(String clinicianId, String from, String until, String procedure) {
        busy.add(new BusyInterval(clinicianId, at(from), at(until), procedure));
        return this;
    }

    ProblemBuilder preference(String clinicianId, String date, PreferenceKind kind) {
        preferences.add(new DayPreference(clinicianId, LocalDate.parse(date), kind));
        return this;
    }

    ProblemBuilder pin(String activityId, String clinicianId) {
        pins.add(new Pin(activityId, clinicianId));
        return this;
    }

    ProblemBuilder previous(String activityId, String clinicianId) {
        previous.add(new PreviousAssignment(activityId, clinicianId));
        return this;
    }

    ProblemBuilder minRestMinutes(int minutes) {
        options = options.withMinRestMinutes(minutes);
        return this;
    }

    ProblemBuilder maxDutyMinutes(int minutes) {
        options = options.withMaxDutyMinutes(minutes);
        return this;
    }

    ProblemBuilder defaultMaxMinutesPerWeek(int minutes) {
        options = options.withDefaultMaxMinutesPerWeek(minutes);
        return this;
    }

    ProblemBuilder maxActivitiesPerDay(int count) {
        options = options.withMaxActivitiesPerDay(count);
        return this;
    }

    /** Only the given weights; the others are zero so that no other soft rule can decide the test. */
    ProblemBuilder weights(long unfilledSeat, long qualifiedInsteadOfExpert, long undesiredDay, long desiredDay,
                           long fairness, long change) {
        options = options.withWeights(new Weights(unfilledSeat, qualifiedInsteadOfExpert, undesiredDay, desiredDay,
                fairness, change));
        return this;
    }

    /** As {@link #weights(long, long, long, long, long, long)}, with the optional seat's weight as well. */
    ProblemBuilder weights(long unfilledSeat, long unfilledOptionalSeat, long qualifiedInsteadOfExpert,
                           long undesiredDay, long desiredDay, long fairness, long change) {
        options = options.withWeights(new Weights(unfilledSeat, qualifiedInsteadOfExpert, undesiredDay, desiredDay,
                fairness, change, unfilledOptionalSeat));
        return this;
    }

    /** The built-in default weights. */
    ProblemBuilder withDefaultWeights() {
        options = options.withWeights(Weights.defaults());
        return this;
    }

    Problem build() {
        return new Problem(zone, clinicians, credentials, activities, absences, preferences, pins, previous, busy,
                options);
    }

    /**
     * Solves, and replays the solution through the commit check and the evaluator: every solution of the specifications
     * must keep the rules as the ledger reads them, and its objective must be the breakdown's total.
     */
    Solution solve() {
        Problem problem = build();
        AllocationSolver solver = new AllocationSolver();
        Solution solution = solver.solve(problem);
        if (solution.objective() != null) {
            List<RuleViolation> violations = solver.violations(problem, solution.assignments());
            if (!violations.isEmpty()) {
                throw new AssertionError("the solution breaks rules the checker enforces: " + violations);
            }
            if (solution.objective() != solution.breakdown().total()) {
                throw new AssertionError("objective " + solution.objective() + " is not the breakdown's total");
            }
        }
        return solution;
    }

    /** The verdicts on one activity against a solution of this problem. */
    ActivityExplanation explain(String activityId, Solution solution) {
        return new AllocationSolver().explain(build(), activityId, solution == null ? null : solution.assignments());
    }

    /** The commit check of the given (activity, clinician) assignments. */
    List<RuleViolation> violations(String... activityClinicianPairs) {
        List<Assignment> assignments = new ArrayList<>();
        for (int i = 0; i < activityClinicianPairs.length; i += 2) {
            assignments.add(new Assignment(activityClinicianPairs[i], activityClinicianPairs[i + 1], null));
        }
        return new AllocationSolver().violations(build(), assignments);
    }
}
