package org.rota.solver.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rota.events.AbsenceEvent;
import org.rota.events.ActivityEvent;
import org.rota.events.ActivityStatus;
import org.rota.events.ClinicianEvent;
import org.rota.events.CredentialEvent;
import org.rota.events.CredentialLevel;
import org.rota.events.CredentialStatus;
import org.rota.events.CredentialStatusChange;
import org.rota.events.DayPreferenceEvent;
import org.rota.events.SeatGroup;
import org.rota.platform.inbound.InvalidMessageException;
import org.rota.solver.solver.Activity;
import org.rota.solver.solver.Level;
import org.rota.solver.solver.Seat;

/** A change event the solver would reject never reaches the read model; the reason names the solver's field. */
class ChangeEventRulesTest {

    private static final Instant NINE = Instant.parse("2026-12-07T09:00:00Z");
    private static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");
    private static final UUID ID = UUID.randomUUID();

    @Test
    void anActivityNeedingNoClinicianIsRejected() {
        assertThatThrownBy(() -> ChangeEventRules.check(activity(NINE, NOON, 0)))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("requiredClinicians");
    }

    @Test
    void anActivityEndingWhenItStartsIsRejected() {
        assertThatThrownBy(() -> ChangeEventRules.check(activity(NINE, NINE, 1)))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("activities[].end");
    }

    @Test
    void anActivityWithoutMinimumLevelTakesTheSolversDefault() {
        ActivityEvent event = new ActivityEvent(ID, "EHR-1", "UROLOGY", "List", NINE, NOON, "Theatre", "VAS", 2, null,
                ActivityStatus.SCHEDULED, 0, NINE);
        assertThat(ChangeEventRules.check(event).minimumLevel()).isEqualTo(Level.QUALIFIED);
    }

    @Test
    void spelledOutSeatsAreReadAsTheyAreWithTheActivitysTraineeRatio() {
        List<SeatGroup> seats = List.of(new SeatGroup(CredentialLevel.EXPERT, 1, false),
                new SeatGroup(CredentialLevel.QUALIFIED, 1, false), new SeatGroup(CredentialLevel.TRAINEE, 2, true));
        Activity checked = ChangeEventRules.check(withSeats(seats, 1));

        assertThat(checked.seats()).containsExactly(new Seat(Level.EXPERT, 1, false), new Seat(Level.QUALIFIED, 1, false),
                new Seat(Level.TRAINEE, 2, true));
        assertThat(checked.traineesPerSupervisor()).isEqualTo(1);
    }

    @Test
    void anEventWrittenBeforeSeatsExistedMeansItsShorthandsOneGroup() {
        assertThat(ChangeEventRules.check(activity(NINE, NOON, 3)).seats())
                .containsExactly(new Seat(Level.QUALIFIED, 3, false));
    }

    @Test
    void seatGroupsTheSolverWouldRejectAreRejectedNamingTheSeats() {
        assertThatThrownBy(() -> ChangeEventRules.check(withSeats(List.of(new SeatGroup(CredentialLevel.EXPERT, 1, false),
                new SeatGroup(CredentialLevel.EXPERT, 1, true)), null)))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("activities[].seats");
        assertThatThrownBy(() -> ChangeEventRules.check(withSeats(List.of(new SeatGroup(CredentialLevel.EXPERT, 0,
                false), new SeatGroup(CredentialLevel.TRAINEE, 1, true)), null)))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("activities[].seats[].count");
        assertThatThrownBy(() -> ChangeEventRules.check(withSeats(List.of(new SeatGroup(CredentialLevel.EXPERT, 1,
                false)), -1)))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("traineesPerSupervisor");
    }

    @Test
    void aCliniciansFteMustBeInTheSolversRange() {
        assertThatThrownBy(() -> ChangeEventRules.check(clinician(new BigDecimal("1.5"))))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("fte");
        assertThatThrownBy(() -> ChangeEventRules.check(clinician(BigDecimal.ZERO)))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("fte");
        assertThatCode(() -> ChangeEventRules.check(clinician(new BigDecimal("0.5")))).doesNotThrowAnyException();
    }

    @Test
    void aClinicianIsJudgedByTheFteTheReadModelWouldStore() {
        // 0.001 is above zero, but stored with two decimals it would be 0.00, which the solver rejects
        assertThatThrownBy(() -> ChangeEventRules.check(clinician(new BigDecimal("0.001"))))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("fte");
    }

    @Test
    void aClinicianWithoutFteIsRejectedRatherThanTakenAsFullTime() {
        assertThatThrownBy(() -> ChangeEventRules.check(clinician(null)))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("fte");
    }

    @Test
    void aCredentialEndingBeforeItStartsIsRejected() {
        CredentialEvent event = new CredentialEvent(ID, null, UUID.randomUUID(), "VAS", CredentialLevel.EXPERT,
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 5, 1), CredentialStatus.ACTIVE, null, 0, NINE);
        assertThatThrownBy(() -> ChangeEventRules.check(event))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("validUntil");
    }

    @Test
    void aCredentialWithoutStatusIsRejectedRatherThanTakenAsActive() {
        CredentialEvent event = new CredentialEvent(ID, null, UUID.randomUUID(), "VAS", CredentialLevel.EXPERT,
                LocalDate.of(2026, 1, 1), null, null, null, 0, NINE);
        assertThatThrownBy(() -> ChangeEventRules.check(event))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("status");
    }

    @Test
    void aSuspensionEffectiveWednesdayLeavesTheCredentialActiveBeforeIt() {
        Instant wednesdayTen = Instant.parse("2026-12-09T10:00:00Z");
        CredentialEvent event = credentialWithHistory(CredentialStatus.SUSPENDED, List.of(
                new CredentialStatusChange(CredentialStatus.ACTIVE, null),
                new CredentialStatusChange(CredentialStatus.SUSPENDED, wednesdayTen)));

        org.rota.solver.solver.Credential credential = ChangeEventRules.check(event);

        assertThat(credential.statusAt(NINE)).isEqualTo(org.rota.solver.solver.CredentialStatus.ACTIVE);
        assertThat(credential.statusAt(wednesdayTen)).isEqualTo(org.rota.solver.solver.CredentialStatus.SUSPENDED);
    }

    @Test
    void aCredentialGrantedSuspendedIsSuspendedUntilItsReinstatementAndTheLaterOfTwoStepsAtOneTimeWins() {
        Instant friday = Instant.parse("2026-12-11T08:00:00Z");
        CredentialEvent event = credentialWithHistory(CredentialStatus.ACTIVE, List.of(
                new CredentialStatusChange(CredentialStatus.SUSPENDED, null),
                new CredentialStatusChange(CredentialStatus.REVOKED, friday),
                new CredentialStatusChange(CredentialStatus.ACTIVE, friday)));

        org.rota.solver.solver.Credential credential = ChangeEventRules.check(event);

        assertThat(credential.statusAt(NINE)).isEqualTo(org.rota.solver.solver.CredentialStatus.SUSPENDED);
        assertThat(credential.statusAt(friday)).isEqualTo(org.rota.solver.solver.CredentialStatus.ACTIVE);
    }

    @Test
    void aStatusHistoryGoingBackInTimeOrDisagreeingWithTheStatusIsRejected() {
        List<CredentialStatusChange> backwards = List.of(new CredentialStatusChange(CredentialStatus.ACTIVE, null),
                new CredentialStatusChange(CredentialStatus.SUSPENDED, NOON),
                new CredentialStatusChange(CredentialStatus.ACTIVE, NINE));
        assertThatThrownBy(() -> ChangeEventRules.check(credentialWithHistory(CredentialStatus.ACTIVE, backwards)))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("statusHistory");
        List<CredentialStatusChange> suspended = List.of(new CredentialStatusChange(CredentialStatus.ACTIVE, null),
                new CredentialStatusChange(CredentialStatus.SUSPENDED, NOON));
        assertThatThrownBy(() -> ChangeEventRules.check(credentialWithHistory(CredentialStatus.ACTIVE, suspended)))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("status");
    }

    private static CredentialEvent credentialWithHistory(CredentialStatus status, List<CredentialStatusChange> history) {
        return new CredentialEvent(ID, null, UUID.randomUUID(), "VAS", CredentialLevel.EXPERT,
                LocalDate.of(2026, 1, 1), null, status, null, 1, NINE, history);
    }

    @Test
    void aNegativeWeeklyCapIsRejected() {
        CredentialEvent event = new CredentialEvent(ID, null, UUID.randomUUID(), "VAS", CredentialLevel.EXPERT,
                LocalDate.of(2026, 1, 1), null, CredentialStatus.ACTIVE, -1, 0, NINE);
        assertThatThrownBy(() -> ChangeEventRules.check(event))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("maxPerWeek");
    }

    @Test
    void anAbsenceEndingBeforeItStartsIsRejected() {
        AbsenceEvent event = new AbsenceEvent(ID, UUID.randomUUID(), NOON, NINE, "Leave", false, 0, NINE);
        assertThatThrownBy(() -> ChangeEventRules.check(event))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("absences[].until");
    }

    @Test
    void aPreferenceWithoutDateIsRejected() {
        DayPreferenceEvent event = new DayPreferenceEvent(ID, UUID.randomUUID(), null, null, false, 0, NINE);
        assertThatThrownBy(() -> ChangeEventRules.check(event))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("preferences[].date");
    }

    private static ActivityEvent activity(Instant start, Instant end, int required) {
        return new ActivityEvent(ID, "EHR-1", "UROLOGY", "List", start, end, "Theatre", "VAS", required,
                CredentialLevel.QUALIFIED, ActivityStatus.SCHEDULED, 0, NINE);
    }

    private static ActivityEvent withSeats(List<SeatGroup> seats, Integer traineesPerSupervisor) {
        return new ActivityEvent(ID, "EHR-1", "GENSURG", "Teaching list", NINE, NOON, "Theatre", "LAPCHOLE",
                SeatGroup.requiredSeats(seats), SeatGroup.lowestRequiredLevel(seats), seats, traineesPerSupervisor,
                ActivityStatus.SCHEDULED, 0, NINE);
    }

    private static ClinicianEvent clinician(BigDecimal fte) {
        return new ClinicianEvent(ID, "HR-1", "Dr Test", "FACULTY", List.of("UROLOGY"), fte, 2400, true, 0, NINE);
    }
}
