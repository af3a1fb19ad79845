package org.rota.solver.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rota.solver.solver.ProblemBuilder.problem;
import static org.rota.solver.solver.SolutionAssertions.staffOf;
import static org.rota.solver.solver.SolutionAssertions.unfilledReasonOf;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Eligibility")
class EligibilityTest {

    private static Credential vas(String clinician, Level level, String from, String until, CredentialStatus status) {
        return new Credential(clinician, "VAS", level, LocalDate.parse(from), until == null ? null : LocalDate.parse(until),
                status, null);
    }

    @Test
    void anActivityWithoutProcedureCanBeStaffedByAnyActiveClinician() {
        Problem problem = problem().clinician("c1").inactiveClinician("gone")
                .activity("clinic", "2026-12-07T08:00", "2026-12-07T12:00", null).build();

        assertThat(EligibilityCalculator.isEligible(problem, "clinic", "c1")).isTrue();
        assertThat(EligibilityCalculator.isEligible(problem, "clinic", "gone")).isFalse();
    }

    @Test
    void anInactiveClinicianIsNeverAssigned() {
        Solution solution = problem().inactiveClinician("gone")
                .credential("gone", "VAS", Level.EXPERT)
                .activity("a1", "2026-12-07T08:00", "2026-12-07T12:00", "VAS")
                .solve();

        assertThat(solution.assignments()).isEmpty();
    }

    @Test
    void validityIsJudgedAtTheActivitysDateNotToday() {
        // both dates are far from the day the test runs: only the activity's date matters
        Problem future = problem().clinician("c1")
                .credential(vas("c1", Level.EXPERT, "2030-01-01", "2030-12-31", CredentialStatus.ACTIVE))
                .activity("a2030", "2030-02-04T08:00", "2030-02-04T12:00", "VAS")
                .activity("a2031", "2031-02-03T08:00", "2031-02-03T12:00", "VAS")
                .build();
        Problem past = problem().clinician("c1")
                .credential(vas("c1", Level.EXPERT, "2019-01-01", "2019-12-31", CredentialStatus.ACTIVE))
                .activity("a2019", "2019-06-03T08:00", "2019-06-03T12:00", "VAS")
                .build();

        assertThat(EligibilityCalculator.isEligible(future, "a2030", "c1")).isTrue();
        assertThat(EligibilityCalculator.isEligible(future, "a2031", "c1")).isFalse();
        assertThat(EligibilityCalculator.isEligible(past, "a2019", "c1")).isTrue();
    }

    @Test
    void aCredentialExpiringMidRangeCoversOnlyTheActivitiesUpToItsLastDay() {
        Solution solution = problem().clinician("c1")
                .credential(vas("c1", Level.EXPERT, "2026-01-01", "2026-12-08", CredentialStatus.ACTIVE))
                .activity("mon", "2026-12-07T08:00", "2026-12-07T12:00", "VAS")
                .activity("tue", "2026-12-08T08:00", "2026-12-08T12:00", "VAS")
                .activity("tue-night", "2026-12-08T20:00", "2026-12-09T08:00", "VAS")
                .activity("wed", "2026-12-09T08:00", "2026-12-09T12:00", "VAS")
                .solve();

        assertThat(staffOf(solution, "mon")).containsExactly("c1");
        assertThat(staffOf(solution, "tue")).containsExactly("c1");
        // the night shift ends on a day the credential no longer covers: it must be valid over the whole activity
        assertThat(unfilledReasonOf(solution, "tue-night")).isEqualTo(UnfilledReason.CREDENTIAL_EXPIRED_OR_SUSPENDED);
        assertThat(unfilledReasonOf(solution, "wed")).isEqualTo(UnfilledReason.CREDENTIAL_EXPIRED_OR_SUSPENDED);
    }

    @Test
    void aCredentialStartingMidRangeCoversOnlyLaterActivities() {
        Problem problem = problem().clinician("c1")
                .credential(vas("c1", Level.EXPERT, "2026-12-08", null, CredentialStatus.ACTIVE))
                .activity("mon", "2026-12-07T08:00", "2026-12-07T12:00", "VAS")
                .activity("tue", "2026-12-08T08:00", "2026-12-08T12:00", "VAS")
                .build();

        assertThat(EligibilityCalculator.isEligible(problem, "mon", "c1")).isFalse();
        assertThat(EligibilityCalculator.isEligible(problem, "tue", "c1")).isTrue();
    }

    @Test
    void datesAreJudgedInTheProblemsZone() {
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST), the credential's first day
        ProblemBuilder builder = problem().clinician("c1")
                .credential(vas("c1", Level.EXPERT, "2026-07-01", null, CredentialStatus.ACTIVE))
                .activity("a1", "2026-06-30T23:30", "2026-07-01T02:00", "VAS");

        assertThat(EligibilityCalculator.isEligible(builder.zone("Europe/London").build(), "a1", "c1")).isTrue();
        assertThat(EligibilityCalculator.isEligible(builder.zone("UTC").build(), "a1", "c1")).isFalse();
    }

    @Test
    void suspendedAndRevokedCredentialsDoNotCount() {
        Problem problem = problem().clinician("s").clinician("r")
                .credential(vas("s", Level.EXPERT, "2026-01-01", null, CredentialStatus.SUSPENDED))
                .credential(vas("r", Level.EXPERT, "2026-01-01", null, CredentialStatus.REVOKED))
                .activity("a1", "2026-12-07T08:00", "2026-12-07T12:00", "VAS")
                .build();

        assertThat(EligibilityCalculator.isEligible(problem, "a1", "s")).isFalse();
        assertThat(EligibilityCalculator.isEligible(problem, "a1", "r")).isFalse();
    }

    @Test
    void theCredentialLevelMustReachTheActivitysMinimumLevel() {
        Problem problem = problem().clinician("q").clinician("e")
                .credential("q", "VAS", Level.QUALIFIED)
                .credential("e", "VAS", Level.EXPERT)
                .activity("a1", "2026-12-07T08:00", "2026-12-07T12:00", "VAS", 1, Level.EXPERT)
                .build();

        assertThat(EligibilityCalculator.isEligible(problem, "a1", "q")).isFalse();
        assertThat(EligibilityCalculator.isEligible(problem, "a1", "e")).isTrue();
    }

    @Test
    void anAbsenceOrBusyTimeOverlappingTheActivityExcludesTheClinician() {
        Problem problem = problem().clinician("away").clinician("elsewhere").clinician("free")
                .absence("away", "2026-12-07T11:00", "2026-12-08T00:00")
                .busy("elsewhere", "2026-12-07T07:00", "2026-12-07T08:30")
                .absence("free", "2026-12-07T12:00", "2026-12-07T18:00")
                .activity("a1", "2026-12-07T08:00", "2026-12-07T12:00", null)
                .build();

        assertThat(EligibilityCalculator.isEligible(problem, "a1", "away")).isFalse();
        assertThat(EligibilityCalculator.isEligible(problem, "a1", "elsewhere")).isFalse();
        assertThat(EligibilityCalculator.isEligible(problem, "a1", "free")).isTrue();
    }
}
