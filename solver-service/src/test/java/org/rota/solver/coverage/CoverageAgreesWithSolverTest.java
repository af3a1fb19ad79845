package org.rota.solver.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rota.solver.solver.Absence;
import org.rota.solver.solver.Activity;
import org.rota.solver.solver.AllocationSolver;
import org.rota.solver.solver.Clinician;
import org.rota.solver.solver.ClinicianVerdict;
import org.rota.solver.solver.Credential;
import org.rota.solver.solver.CredentialStatus;
import org.rota.solver.solver.Level;
import org.rota.solver.solver.Problem;
import org.rota.solver.solver.Solution;
import org.rota.solver.solver.SolverOptions;
import org.rota.solver.solver.StatusChange;
import org.rota.solver.solver.UnfilledSeat;

/**
 * Coverage judges with the solver's own eligibility: on random instances, a clinician coverage counts is one the
 * solver's explanation finds eligible, an UNCOVERABLE activity is one the solver leaves short, a safe one it fills,
 * and every fix, once applied to the credential, makes its holder eligible to the solver.
 */
@DisplayName("Coverage at risk agrees with the solver")
class CoverageAgreesWithSolverTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final SolverOptions OPTIONS = new SolverOptions(5.0, 1, 0, null, null, null);
    private final AllocationSolver solver = new AllocationSolver(OPTIONS);

    @Test
    void onRandomInstancesCoverageTheSolverAndItsExplanationAgree() {
        Set<Object> seen = new HashSet<>();
        for (int seed = 0; seed < 25; seed++) {
            Problem problem = randomInstance(new Random(seed));
            CoverageAssessor assessor = new CoverageAssessor(problem, OPTIONS);
            Map<String, ActivityCoverage> atRisk = assessor.atRisk().stream()
                    .collect(Collectors.toMap(ActivityCoverage::activityId, c -> c));
            Solution solution = solver.solve(problem);
            for (Activity activity : problem.activities()) {
                String where = "seed " + seed + ", " + activity.id();
                long eligibleToSolver = solver.explain(problem, activity.id(), null).clinicians().stream()
                        .filter(v -> !v.verdict().blocks()).count();
                int unfilled = solution.unfilled().stream().filter(u -> u.activityId().equals(activity.id()))
                        .mapToInt(UnfilledSeat::seats).sum();
                ActivityCoverage coverage = atRisk.get(activity.id());
                if (coverage == null) {
                    assertThat(eligibleToSolver).as(where).isGreaterThan(activity.seatCount());
                    assertThat(unfilled).as(where + " is safe, so the solver fills it").isZero();
                    continue;
                }
                seen.add(coverage.risk());
                assertThat((long) coverage.eligible()).as(where).isEqualTo(eligibleToSolver);
                if (coverage.risk() == Risk.UNCOVERABLE) {
                    assertThat(unfilled).as(where + " is uncoverable").isEqualTo(activity.seatCount()
                            - coverage.eligible());
                } else {
                    assertThat(coverage.eligible()).as(where).isEqualTo(activity.seatCount());
                    assertThat(unfilled).as(where + " has no spare but is filled").isZero();
                }
                for (Fix fix : coverage.fixes()) {
                    seen.add(fix.change());
                    Problem fixed = applied(problem, fix);
                    ClinicianVerdict verdict = solver.explain(fixed, activity.id(), null).clinicians().stream()
                            .filter(v -> v.clinicianId().equals(fix.clinicianId())).findFirst().orElseThrow();
                    assertThat(verdict.verdict().blocks()).as(where + " after " + fix).isFalse();
                }
            }
        }
        // the instances exercise every risk and every change
        assertThat(seen).containsExactlyInAnyOrder(Risk.UNCOVERABLE, Risk.NO_SPARE, Change.RENEW, Change.REINSTATE,
                Change.RAISE_LEVEL);
    }

    /** Some days apart, one seat group each, no trainees: nothing but eligibility keeps a seat empty. */
    private static Problem randomInstance(Random random) {
        List<Clinician> clinicians = new ArrayList<>();
        List<Credential> credentials = new ArrayList<>();
        List<Absence> absences = new ArrayList<>();
        LocalDate first = LocalDate.parse("2026-12-07");
        for (int c = 0; c < 5; c++) {
            String id = "c" + c;
            clinicians.add(new Clinician(id, 1.0, null, random.nextInt(8) > 0, null));
            if (random.nextInt(5) == 0) {
                continue;
            }
            Level level = random.nextBoolean() ? Level.EXPERT : Level.QUALIFIED;
            LocalDate until = random.nextInt(3) == 0 ? first.plusDays(random.nextInt(10)) : null;
            CredentialStatus status = switch (random.nextInt(8)) {
                case 0 -> CredentialStatus.SUSPENDED;
                case 1 -> CredentialStatus.REVOKED;
                default -> CredentialStatus.ACTIVE;
            };
            List<StatusChange> history = status == CredentialStatus.ACTIVE ? List.of()
                    : List.of(new StatusChange(first.plusDays(random.nextInt(10)).atStartOfDay(ZONE).toInstant(),
                            status));
            credentials.add(new Credential(id, "VAS", level, LocalDate.parse("2026-01-01"), until, status, null,
                    history));
            if (random.nextInt(4) == 0) {
                Instant from = first.plusDays(random.nextInt(10)).atStartOfDay(ZONE).toInstant();
                absences.add(new Absence(id, from, from.plusSeconds(2 * 86400)));
            }
        }
        List<Activity> activities = new ArrayList<>();
        for (int a = 0; a < 6; a++) {
            Instant start = first.plusDays(2L * a).atTime(9, 0).atZone(ZONE).toInstant();
            activities.add(new Activity("a" + a, start, start.plusSeconds(4 * 3600), "VAS", 1 + random.nextInt(3),
                    random.nextInt(3) == 0 ? Level.EXPERT : Level.QUALIFIED));
        }
        return new Problem(ZONE, clinicians, credentials, activities, absences, List.of(), List.of(), List.of(),
                List.of(), OPTIONS);
    }

    /** The credential as the fix changes it: renewed without end, reinstated throughout, or one level higher. */
    private static Problem applied(Problem problem, Fix fix) {
        List<Credential> credentials = new ArrayList<>(problem.credentials());
        Credential c = credentials.get(fix.credential());
        credentials.set(fix.credential(), switch (fix.change()) {
            case RENEW -> new Credential(c.clinicianId(), c.procedureCode(), c.level(), c.validFrom(), null, c.status(),
                    c.maxPerWeek(), c.statusHistory());
            case REINSTATE -> new Credential(c.clinicianId(), c.procedureCode(), c.level(), c.validFrom(),
                    c.validUntil(), CredentialStatus.ACTIVE, c.maxPerWeek());
            case RAISE_LEVEL -> new Credential(c.clinicianId(), c.procedureCode(),
                    c.level() == Level.TRAINEE ? Level.QUALIFIED : Level.EXPERT, c.validFrom(), c.validUntil(),
                    c.status(), c.maxPerWeek(), c.statusHistory());
        });
        return problem.withCredentials(credentials);
    }
}
