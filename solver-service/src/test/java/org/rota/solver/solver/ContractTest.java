package org.rota.solver.solver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The what-if contract")
class ContractTest {

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    /** The request of design.md, verbatim. */
    static final String DESIGN_EXAMPLE = """
            { "zone": "Europe/London",
              "clinicians":  [{"id": "c1", "fte": 1.0, "maxMinutesPerWeek": 2400}],
              "credentials": [{"clinicianId": "c1", "procedureCode": "VAS", "level": "EXPERT",
                               "validFrom": "2026-01-01", "validUntil": null, "status": "ACTIVE", "maxPerWeek": null}],
              "activities":  [{"id": "a1", "start": "2026-12-07T08:00:00Z", "end": "2026-12-07T12:00:00Z",
                               "procedureCode": "VAS", "requiredClinicians": 1, "minimumLevel": "QUALIFIED"}],
              "absences":    [{"clinicianId": "c1", "from": "2026-12-09T00:00:00Z", "until": "2026-12-11T00:00:00Z"}],
              "preferences": [{"clinicianId": "c1", "date": "2026-12-08", "kind": "UNDESIRED"}],
              "pins":        [{"activityId": "a1", "clinicianId": "c1"}],
              "previous":    [{"activityId": "a1", "clinicianId": "c1"}],
              "options": {"timeLimitSeconds": 10, "workers": 2, "seed": 0, "minRestMinutes": 0,
                          "maxActivitiesPerDay": 2, "weights": {"unfilledSeat": 100000, "qualifiedInsteadOfExpert": 10,
                          "undesiredDay": 5, "desiredDay": 5, "fairness": 1, "change": 20}} }
            """;

    @Test
    void theDesignExampleDeserialisesWithPlainJackson() throws Exception {
        Problem problem = JSON.readValue(DESIGN_EXAMPLE, Problem.class);

        assertThat(problem.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(problem.clinicians()).containsExactly(new Clinician("c1", 1.0, 2400, true, null));
        assertThat(problem.credentials()).containsExactly(new Credential("c1", "VAS", Level.EXPERT,
                LocalDate.parse("2026-01-01"), null, CredentialStatus.ACTIVE, null));
        assertThat(problem.activities()).singleElement().satisfies(activity -> {
            assertThat(activity.start()).isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
            assertThat(activity.requiredClinicians()).isEqualTo(1);
            assertThat(activity.minimumLevel()).isEqualTo(Level.QUALIFIED);
        });
        assertThat(problem.absences()).hasSize(1);
        assertThat(problem.preferences()).containsExactly(
                new DayPreference("c1", LocalDate.parse("2026-12-08"), PreferenceKind.UNDESIRED));
        assertThat(problem.pins()).containsExactly(new Pin("a1", "c1"));
        assertThat(problem.previous()).containsExactly(new PreviousAssignment("a1", "c1"));
        assertThat(problem.busy()).isEmpty();
        // the example asks for no rest; everything else it sets is the default
        // the example's change weight, 20, predates the squared fairness (the default is 100 now)
        assertThat(problem.options().orElse(SolverOptions.defaults()))
                .isEqualTo(SolverOptions.defaults().withMinRestMinutes(0)
                        .withWeights(new Weights(100_000L, 10L, 5L, 5L, 1L, 20L, 1_000L)));
    }

    @Test
    void theDesignExampleSolves() throws Exception {
        Solution solution = new AllocationSolver().solve(JSON.readValue(DESIGN_EXAMPLE, Problem.class));

        assertThat(solution.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(solution.assignments()).containsExactly(new Assignment("a1", "c1", Level.EXPERT, Level.QUALIFIED));
        assertThat(solution.unfilled()).isEmpty();
        assertThat(solution.pinConflicts()).isEmpty();
        assertThat(solution.objective()).isZero();
        assertThat(solution.timings().firstFeasibleMillis()).isNotNull();
        assertThat(JSON.writeValueAsString(solution)).contains("\"breakdown\"", "\"timings\"", "\"unfilledSeats\"");
    }

    @Test
    void omittedOptionalFieldsTakeTheirDefaults() throws Exception {
        Problem problem = JSON.readValue("""
                { "clinicians": [{"id": "c1", "fte": 0.8}],
                  "activities": [{"id": "a1", "start": "2026-12-07T08:00:00Z", "end": "2026-12-07T12:00:00Z",
                                  "title": "Clinic", "location": "Room 3"}],
                  "busy": [{"clinicianId": "c1", "from": "2026-12-08T08:00:00Z", "until": "2026-12-08T12:00:00Z"}],
                  "options": {"timeLimitSeconds": 3, "weights": {"fairness": 7}} }
                """, Problem.class);

        assertThat(problem.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(problem.clinicians().get(0).active()).isTrue();
        assertThat(problem.activities().get(0).requiredClinicians()).isEqualTo(1);
        assertThat(problem.activities().get(0).minimumLevel()).isEqualTo(Level.QUALIFIED);
        assertThat(problem.activities().get(0).procedureCode()).isNull();
        assertThat(problem.credentials()).isEmpty();
        assertThat(problem.pins()).isEmpty();
        assertThat(problem.previous()).isEmpty();
        assertThat(problem.busy()).hasSize(1);

        SolverOptions merged = problem.options().orElse(SolverOptions.defaults());
        assertThat(merged).isEqualTo(new SolverOptions(3.0, 2, 0, 660, 780, 2, 2880,
                new Weights(100_000L, 10L, 5L, 5L, 7L, 100L, 1_000L), 2));
    }

    @Test
    void theWorkingTimeOptionsFixedWorkProcedureAndStatusHistoryAreOptionalFields() throws Exception {
        Problem problem = JSON.readValue("""
                { "clinicians": [{"id": "c1"}],
                  "credentials": [{"clinicianId": "c1", "procedureCode": "VAS", "validFrom": "2026-01-01",
                                   "status": "SUSPENDED", "statusHistory": [
                                     {"effectiveFrom": "2026-12-09T10:00:00Z", "status": "SUSPENDED"}]}],
                  "busy": [{"clinicianId": "c1", "from": "2026-12-08T08:00:00Z", "until": "2026-12-08T12:00:00Z",
                            "procedureCode": "VAS"}],
                  "options": {"maxDutyMinutes": 600, "defaultMaxMinutesPerWeek": 2400} }
                """, Problem.class);

        assertThat(problem.busy().get(0).procedureCode()).isEqualTo("VAS");
        Credential credential = problem.credentials().get(0);
        assertThat(credential.statusAt(Instant.parse("2026-12-07T08:00:00Z"))).isEqualTo(CredentialStatus.ACTIVE);
        assertThat(credential.statusAt(Instant.parse("2026-12-09T10:00:00Z"))).isEqualTo(CredentialStatus.SUSPENDED);
        assertThat(problem.options().maxDutyMinutes()).isEqualTo(600);
        assertThat(problem.options().defaultMaxMinutesPerWeek()).isEqualTo(2400);
    }

    @Test
    void malformedInputNamesTheField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JSON.readValue("""
                        { "clinicians": [{"id": "c1", "fte": 1.5}] }
                        """, Problem.class))
                .hasRootCauseInstanceOf(InvalidProblemException.class)
                .rootCause().hasMessageContaining("clinicians[].fte");
    }

    @Test
    void generatedInstancesRoundTripThroughJson() throws Exception {
        Problem problem = org.rota.solver.bench.InstanceGenerator.generate(
                new org.rota.solver.bench.InstanceGenerator.Spec("shift", 10, 3, 1, 20, true, 3));
        ObjectMapper mapper = org.rota.solver.bench.InstanceGenerator.json();

        String json = mapper.writeValueAsString(problem);

        assertThat(json).contains("\"start\" : \"2026-12-0", "\"zone\" : \"Europe/London\"", "\"minRestMinutes\" : 600");
        assertThat(mapper.readValue(json, Problem.class)).isEqualTo(problem);
    }

    @Test
    void concurrentSolvesDoNotInterfere() throws Exception {
        Problem problem = org.rota.solver.bench.InstanceGenerator.generate(
                new org.rota.solver.bench.InstanceGenerator.Spec("par", 8, 3, 1, 16, false, 5))
                .withOptions(new SolverOptions(10.0, 1, 0, null, null, null));
        AllocationSolver solver = new AllocationSolver();
        Solution alone = solver.solve(problem);

        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> solver.solve(problem));
            var second = pool.submit(() -> solver.solve(problem));
            assertThat(first.get().objective()).isEqualTo(alone.objective());
            assertThat(second.get().objective()).isEqualTo(alone.objective());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void solvingIsDeterministicWithOneWorkerAndASeed() {
        Problem problem = org.rota.solver.bench.InstanceGenerator.generate(
                new org.rota.solver.bench.InstanceGenerator.Spec("det", 8, 3, 1, 16, false, 7))
                .withOptions(new SolverOptions(10.0, 1, 3, null, null, null));

        Solution first = new AllocationSolver().solve(problem);
        Solution second = new AllocationSolver().solve(problem);

        assertThat(first.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(second.assignments()).isEqualTo(first.assignments());
        assertThat(second.unfilled()).isEqualTo(first.unfilled());
        assertThat(List.of(second.objective())).isEqualTo(List.of(first.objective()));
    }
}
