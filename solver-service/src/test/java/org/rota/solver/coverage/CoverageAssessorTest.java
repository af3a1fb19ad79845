package org.rota.solver.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rota.solver.solver.Absence;
import org.rota.solver.solver.Activity;
import org.rota.solver.solver.Clinician;
import org.rota.solver.solver.Credential;
import org.rota.solver.solver.CredentialStatus;
import org.rota.solver.solver.Level;
import org.rota.solver.solver.Problem;
import org.rota.solver.solver.Seat;
import org.rota.solver.solver.SolverOptions;
import org.rota.solver.solver.StatusChange;

@DisplayName("Coverage at risk: which activities are not safely covered and which credential change helps")
class CoverageAssessorTest {

    private static final LocalDate GRANTED = LocalDate.parse("2026-01-01");

    private final List<Clinician> clinicians = new ArrayList<>();
    private final List<Credential> credentials = new ArrayList<>();
    private final List<Activity> activities = new ArrayList<>();
    private final List<Absence> absences = new ArrayList<>();

    @Test
    void aCredentialExpiringBeforeALaterListMakesItUncoverableWithTheRenewalAsItsFix() {
        holder("a", Level.QUALIFIED, null);
        holder("b", Level.QUALIFIED, LocalDate.parse("2026-12-10"));
        list("before", "2026-12-08", 2);
        list("after", "2026-12-14", 2);

        List<ActivityCoverage> atRisk = atRisk();

        assertThat(atRisk).extracting(ActivityCoverage::activityId).containsExactly("before", "after");
        assertThat(atRisk.get(0)).returns(Risk.NO_SPARE, ActivityCoverage::risk).returns(2, ActivityCoverage::eligible)
                .returns(List.of(), ActivityCoverage::fixes);
        assertThat(atRisk.get(1)).returns(Risk.UNCOVERABLE, ActivityCoverage::risk)
                .returns(1, ActivityCoverage::eligible).returns(2, ActivityCoverage::seats)
                .returns(List.of(new Fix(1, "b", Change.RENEW)), ActivityCoverage::fixes);
    }

    @Test
    void oneSpareClinicianMakesAListSafe() {
        holder("a", Level.QUALIFIED, null);
        holder("b", Level.QUALIFIED, null);
        holder("c", Level.EXPERT, null);
        list("list", "2026-12-08", 2);

        assertThat(atRisk()).isEmpty();
    }

    @Test
    void aSuspendedCredentialIsFixedByReinstatingItAndARevokedOneNotAtAll() {
        holder("a", Level.QUALIFIED, null);
        clinicians.add(new Clinician("suspended", 1.0, null));
        credentials.add(new Credential("suspended", "VAS", Level.QUALIFIED, GRANTED, null, CredentialStatus.SUSPENDED,
                null, List.of(new StatusChange(Instant.parse("2026-12-01T00:00:00Z"), CredentialStatus.SUSPENDED))));
        clinicians.add(new Clinician("revoked", 1.0, null));
        credentials.add(new Credential("revoked", "VAS", Level.QUALIFIED, GRANTED, null, CredentialStatus.REVOKED,
                null));
        list("list", "2026-12-08", 2);

        assertThat(atRisk()).singleElement()
                .returns(Risk.UNCOVERABLE, ActivityCoverage::risk)
                .returns(List.of(new Fix(1, "suspended", Change.REINSTATE)), ActivityCoverage::fixes);
    }

    @Test
    void aSuspensionThatTakesEffectAfterTheListDoesNotPutItAtRisk() {
        holder("a", Level.QUALIFIED, null);
        clinicians.add(new Clinician("later", 1.0, null));
        credentials.add(new Credential("later", "VAS", Level.QUALIFIED, GRANTED, null, CredentialStatus.SUSPENDED,
                null, List.of(new StatusChange(Instant.parse("2026-12-20T00:00:00Z"), CredentialStatus.SUSPENDED))));
        holder("c", Level.QUALIFIED, null);
        list("list", "2026-12-08", 2);

        assertThat(atRisk()).isEmpty();
    }

    @Test
    void aLevelTooLowForTheExpertSeatIsFixedByRaisingIt() {
        holder("expert", Level.EXPERT, null);
        holder("qualified", Level.QUALIFIED, null);
        activities.add(new Activity("list", start("2026-12-08"), start("2026-12-08").plusSeconds(4 * 3600), "VAS", 2,
                Level.EXPERT));

        assertThat(atRisk()).singleElement()
                .returns(Risk.UNCOVERABLE, ActivityCoverage::risk).returns(1, ActivityCoverage::eligible)
                .returns(List.of(new Fix(1, "qualified", Change.RAISE_LEVEL)), ActivityCoverage::fixes);
    }

    @Test
    void aFixMustAddAClinicianForTheSeatGroupThatIsShort() {
        // one EXPERT and one QUALIFIED seat; two qualified holders fill only the QUALIFIED seat
        holder("q1", Level.QUALIFIED, null);
        holder("q2", Level.QUALIFIED, null);
        holder("q3-expired", Level.QUALIFIED, LocalDate.parse("2026-11-30"));
        holder("e-expired", Level.EXPERT, LocalDate.parse("2026-11-30"));
        activities.add(new Activity("list", start("2026-12-08"), start("2026-12-08").plusSeconds(4 * 3600), "VAS",
                null, null, null, null, List.of(new Seat(Level.EXPERT, 1, false), new Seat(Level.QUALIFIED, 1, false)),
                null));

        ActivityCoverage coverage = atRisk().get(0);

        assertThat(coverage.risk()).isEqualTo(Risk.UNCOVERABLE);
        assertThat(coverage.eligible()).isEqualTo(2);
        // renewing another QUALIFIED holder fills no EXPERT seat; renewing the expert does
        assertThat(coverage.fixes()).containsExactly(new Fix(3, "e-expired", Change.RENEW));
    }

    @Test
    void anAbsentClinicianIsNotEligibleAndNoCredentialChangeFixesAnAbsence() {
        holder("a", Level.QUALIFIED, null);
        holder("away", Level.QUALIFIED, LocalDate.parse("2026-11-30"));
        absences.add(new Absence("away", start("2026-12-07"), start("2026-12-10")));
        list("list", "2026-12-08", 2);

        assertThat(atRisk()).singleElement().returns(Risk.UNCOVERABLE, ActivityCoverage::risk)
                .returns(1, ActivityCoverage::eligible).returns(List.of(), ActivityCoverage::fixes);
    }

    @Test
    void traineeSeatsNeedASupervisorPresent() {
        clinicians.add(new Clinician("trainee", 1.0, null));
        credentials.add(new Credential("trainee", "VAS", Level.TRAINEE, GRANTED, null, CredentialStatus.ACTIVE, null));
        holder("expired-supervisor", Level.EXPERT, LocalDate.parse("2026-11-30"));
        // the trainee seat is required, the supervisor's seat optional: nobody supervises, so it cannot be filled
        activities.add(new Activity("teaching", start("2026-12-08"), start("2026-12-08").plusSeconds(4 * 3600), "VAS",
                null, null, null, null, List.of(new Seat(Level.TRAINEE, 1, false), new Seat(Level.EXPERT, 1, true)),
                1));

        assertThat(atRisk()).singleElement().returns(Risk.UNCOVERABLE, ActivityCoverage::risk)
                .returns(1, ActivityCoverage::eligible)
                .returns(List.of(new Fix(1, "expired-supervisor", Change.RENEW)), ActivityCoverage::fixes);
    }

    @Test
    void anActivityWithoutProcedureCountsEveryActiveClinician() {
        clinicians.add(new Clinician("a", 1.0, null));
        clinicians.add(new Clinician("inactive", 1.0, null, false, null));
        activities.add(new Activity("clinic", start("2026-12-08"), start("2026-12-08").plusSeconds(4 * 3600), null, 1,
                null));

        assertThat(atRisk()).singleElement().returns(Risk.NO_SPARE, ActivityCoverage::risk)
                .returns(1, ActivityCoverage::eligible);
    }

    private void holder(String clinician, Level level, LocalDate validUntil) {
        clinicians.add(new Clinician(clinician, 1.0, null));
        credentials.add(new Credential(clinician, "VAS", level, GRANTED, validUntil, CredentialStatus.ACTIVE, null));
    }

    private void list(String id, String date, int seats) {
        activities.add(new Activity(id, start(date), start(date).plusSeconds(4 * 3600), "VAS", seats, Level.QUALIFIED));
    }

    private static Instant start(String date) {
        return LocalDate.parse(date).atTime(8, 0).atZone(ZoneId.of("UTC")).toInstant();
    }

    private List<ActivityCoverage> atRisk() {
        Problem problem = new Problem(ZoneId.of("UTC"), clinicians, credentials, activities, absences, List.of(),
                List.of(), List.of(), List.of(), null);
        return new CoverageAssessor(problem, SolverOptions.defaults()).atRisk();
    }
}
