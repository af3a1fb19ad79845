package org.rota.solver.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rota.solver.solver.ProblemBuilder.problem;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Every unfilled seat carries the reason found in the data")
class UnfilledReasonTest {

    private static ProblemBuilder oneVasList() {
        return problem().activity("a1", "2026-12-07T08:00", "2026-12-07T12:00", "VAS", 1, Level.EXPERT);
    }

    private static UnfilledReason reason(ProblemBuilder builder) {
        Solution solution = builder.solve();
        assertThat(solution.unfilled()).singleElement().satisfies(seat -> assertThat(seat.seats()).isEqualTo(1));
        return solution.unfilled().get(0).reason();
    }

    @Test
    void noCredentialedClinician() {
        ProblemBuilder builder = oneVasList().clinician("c1").credential("c1", "COLPO", Level.EXPERT);

        assertThat(reason(builder)).isEqualTo(UnfilledReason.NO_CREDENTIALED_CLINICIAN);
    }

    @Test
    void aCredentialOfAnInactiveClinicianDoesNotCount() {
        ProblemBuilder builder = oneVasList().inactiveClinician("c1").credential("c1", "VAS", Level.EXPERT);

        assertThat(reason(builder)).isEqualTo(UnfilledReason.NO_CREDENTIALED_CLINICIAN);
    }

    @Test
    void credentialExpiredOrSuspended() {
        ProblemBuilder builder = oneVasList().clinician("expired").clinician("suspended")
                .credential(new Credential("expired", "VAS", Level.EXPERT, LocalDate.parse("2025-01-01"),
                        LocalDate.parse("2026-12-06"), CredentialStatus.ACTIVE, null))
                .credential(new Credential("suspended", "VAS", Level.EXPERT, LocalDate.parse("2025-01-01"), null,
                        CredentialStatus.SUSPENDED, null));

        assertThat(reason(builder)).isEqualTo(UnfilledReason.CREDENTIAL_EXPIRED_OR_SUSPENDED);
    }

    @Test
    void levelTooLow() {
        ProblemBuilder builder = oneVasList().clinician("c1").credential("c1", "VAS", Level.QUALIFIED)
                .clinician("c2").credential(new Credential("c2", "VAS", Level.EXPERT, LocalDate.parse("2025-01-01"),
                        LocalDate.parse("2026-01-01"), CredentialStatus.ACTIVE, null));

        assertThat(reason(builder)).isEqualTo(UnfilledReason.LEVEL_TOO_LOW);
    }

    @Test
    void allEligibleAbsent() {
        ProblemBuilder builder = oneVasList().clinician("c1").credential("c1", "VAS", Level.EXPERT)
                .absence("c1", "2026-12-07T00:00", "2026-12-12T00:00")
                .clinician("c2").credential("c2", "VAS", Level.QUALIFIED);

        assertThat(reason(builder)).isEqualTo(UnfilledReason.ALL_ELIGIBLE_ABSENT);
    }

    @Test
    void busyInAnotherDepartmentIsCapacityNotAbsence() {
        ProblemBuilder builder = oneVasList()
                .clinician("away").credential("away", "VAS", Level.EXPERT)
                .absence("away", "2026-12-07T00:00", "2026-12-12T00:00")
                .clinician("elsewhere").credential("elsewhere", "VAS", Level.EXPERT)
                .busy("elsewhere", "2026-12-07T07:00", "2026-12-07T13:00");

        assertThat(reason(builder)).isEqualTo(UnfilledReason.ALL_ELIGIBLE_BUSY);
    }

    @Test
    void aSecondSeatWithTooFewValidHoldersTakesTheOthersReasonNotBusy() {
        ProblemBuilder builder = problem()
                .activity("pair", "2026-12-07T08:00", "2026-12-07T12:00", "VAS", 2, Level.QUALIFIED)
                .clinician("valid").credential("valid", "VAS", Level.EXPERT)
                .clinician("expired").credential(new Credential("expired", "VAS", Level.EXPERT,
                        LocalDate.parse("2025-01-01"), LocalDate.parse("2026-12-06"), CredentialStatus.ACTIVE, null));

        assertThat(reason(builder)).isEqualTo(UnfilledReason.CREDENTIAL_EXPIRED_OR_SUSPENDED);
    }

    @Test
    void allEligibleBusyWhenTheHardRulesTakeTheCapacity() {
        ProblemBuilder builder = oneVasList().clinician("c1").credential("c1", "VAS", Level.EXPERT)
                .activity("earlier", "2026-12-07T07:00", "2026-12-07T09:00", "VAS", 1, Level.EXPERT)
                .pin("earlier", "c1");

        assertThat(reason(builder)).isEqualTo(UnfilledReason.ALL_ELIGIBLE_BUSY);
    }

    @Test
    void aPinConflictOnTheActivityComesFirst() {
        ProblemBuilder builder = oneVasList().clinician("c1").credential("c1", "VAS", Level.QUALIFIED)
                .pin("a1", "c1");

        assertThat(reason(builder)).isEqualTo(UnfilledReason.PINNED_CONFLICT);
    }
}
