package org.rota.solver.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rota.solver.solver.ProblemBuilder.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One explanation from the core: the verdicts use the same checks as the solve. */
@DisplayName("Explanations")
class ExplanationTest {

    private static final LocalDate SINCE = LocalDate.parse("2026-01-01");

    private static Credential expert(String clinicianId) {
        return new Credential(clinicianId, "VAS", Level.EXPERT, SINCE, null, CredentialStatus.ACTIVE, null);
    }

    private static Map<String, Verdict> verdicts(ActivityExplanation explanation) {
        return explanation.clinicians().stream()
                .collect(Collectors.toMap(ClinicianVerdict::clinicianId, ClinicianVerdict::verdict));
    }

    /** Wednesday 13:00-17:00, VAS at EXPERT level; each clinician but two is stopped by a different rule. */
    private static ProblemBuilder oneClinicianPerVerdict() {
        ProblemBuilder builder = problem()
                .activity("a", "2026-12-09T13:00", "2026-12-09T17:00", "VAS", 1, Level.EXPERT)
                .preference("second", "2026-12-09", PreferenceKind.UNDESIRED);
        for (String id : List.of("chosen", "second", "noCredential", "expired", "low", "absent", "busy", "rest",
                "duty", "daily", "procedure")) {
            builder.clinician(id);
        }
        builder.inactiveClinician("inactive").clinician("weekly", 1.0, 240);
        for (String id : List.of("chosen", "second", "inactive", "absent", "busy", "rest", "duty", "daily", "weekly")) {
            builder.credential(expert(id));
        }
        return builder
                .credential(new Credential("expired", "VAS", Level.EXPERT, SINCE, LocalDate.parse("2026-12-01"),
                        CredentialStatus.ACTIVE, null))
                .credential("low", "VAS", Level.QUALIFIED)
                .credential(new Credential("procedure", "VAS", Level.EXPERT, SINCE, null, CredentialStatus.ACTIVE, 1))
                .absence("absent", "2026-12-09T00:00", "2026-12-10T00:00")
                .busy("busy", "2026-12-09T14:00", "2026-12-09T15:00")
                .busy("rest", "2026-12-09T00:00", "2026-12-09T06:00")
                .busy("duty", "2026-12-09T01:00", "2026-12-09T02:00")
                .busy("duty", "2026-12-09T04:00", "2026-12-09T12:00")
                .busy("daily", "2026-12-09T06:00", "2026-12-09T07:00")
                .busy("daily", "2026-12-09T08:00", "2026-12-09T09:00")
                .busy("weekly", "2026-12-07T08:00", "2026-12-07T09:00")
                .busy("procedure", "2026-12-07T08:00", "2026-12-07T09:00", "VAS");
    }

    @Nested
    @DisplayName("verdicts")
    class Verdicts {

        @Test
        void everyClinicianGetsTheRuleThatStopsThem() {
            ProblemBuilder builder = oneClinicianPerVerdict();
            Solution solution = builder.solve();

            assertThat(verdicts(builder.explain("a", solution))).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                    Map.entry("chosen", Verdict.ASSIGNED),
                    Map.entry("second", Verdict.ELIGIBLE_NOT_CHOSEN),
                    Map.entry("inactive", Verdict.INACTIVE),
                    Map.entry("noCredential", Verdict.NO_CREDENTIAL),
                    Map.entry("expired", Verdict.CREDENTIAL_EXPIRED_OR_SUSPENDED),
                    Map.entry("low", Verdict.LEVEL_TOO_LOW),
                    Map.entry("absent", Verdict.ABSENT),
                    Map.entry("busy", Verdict.BUSY_ELSEWHERE),
                    Map.entry("rest", Verdict.REST),
                    Map.entry("duty", Verdict.DUTY_LENGTH),
                    Map.entry("daily", Verdict.DAILY_LIMIT),
                    Map.entry("weekly", Verdict.WEEKLY_CAP),
                    Map.entry("procedure", Verdict.WEEKLY_PROCEDURE_CAP)));
        }

        @Test
        void anEligibleClinicianNotChosenCarriesTheCostOfTakingTheSeat() {
            ProblemBuilder builder = oneClinicianPerVerdict();
            ActivityExplanation explanation = builder.explain("a", builder.solve());

            ClinicianVerdict second = explanation.clinicians().stream()
                    .filter(verdict -> verdict.clinicianId().equals("second")).findFirst().orElseThrow();
            assertThat(second.cost()).isEqualTo(4 * Weights.defaults().undesiredDay()); // the wish, for the 4 hours
            assertThat(second.level()).isEqualTo(Level.EXPERT);
        }

        @Test
        void withoutASolutionTheVerdictsJudgeFixedWorkOnly() {
            ProblemBuilder builder = oneClinicianPerVerdict();
            ActivityExplanation explanation = builder.explain("a", null);

            assertThat(verdicts(explanation)).containsEntry("chosen", Verdict.ELIGIBLE)
                    .containsEntry("second", Verdict.ELIGIBLE).containsEntry("rest", Verdict.REST);
            assertThat(explanation.unfilled()).isEmpty();
        }

        @Test
        void anotherAssignmentOfTheSolutionCountsLikeFixedWork() {
            ProblemBuilder builder = problem().clinician("c1").clinician("c2")
                    .activity("day", "2026-12-07T08:00", "2026-12-07T20:00", null)
                    .activity("night", "2026-12-07T20:00", "2026-12-08T08:00", null);
            Solution solution = builder.solve();
            String nightWorker = SolutionAssertions.staffOf(solution, "night").get(0);

            assertThat(verdicts(builder.explain("day", solution))).containsEntry(nightWorker, Verdict.REST);
        }

        @Test
        void anUnknownActivityIsAnInvalidRequestNamingTheField() {
            assertThatThrownBy(() -> oneClinicianPerVerdict().explain("nope", null))
                    .isInstanceOfSatisfying(InvalidProblemException.class,
                            e -> assertThat(e.field()).isEqualTo("activityId"));
        }
    }

    @Nested
    @DisplayName("credentials in time")
    class CredentialsInTime {

        @Test
        void anActivityEndingAtMidnightOnTheCredentialsLastDayIsCovered() {
            ProblemBuilder builder = problem().clinician("c1")
                    .credential(new Credential("c1", "VAS", Level.EXPERT, SINCE, LocalDate.parse("2026-12-07"),
                            CredentialStatus.ACTIVE, null))
                    .activity("evening", "2026-12-07T20:00", "2026-12-08T00:00", "VAS")
                    .activity("overnight", "2026-12-08T20:00", "2026-12-09T08:00", "VAS");
            Map<String, Verdict> evening = verdicts(builder.explain("evening", null));
            Map<String, Verdict> overnight = verdicts(builder.explain("overnight", null));

            assertThat(evening).containsEntry("c1", Verdict.ELIGIBLE);
            assertThat(overnight).containsEntry("c1", Verdict.CREDENTIAL_EXPIRED_OR_SUSPENDED);
            assertThat(SolutionAssertions.staffOf(builder.solve(), "evening")).containsExactly("c1");
        }

        @Test
        void anOvernightListAcrossARenewalDateStaysEligible() {
            ProblemBuilder builder = problem().clinician("c1")
                    .credential(new Credential("c1", "VAS", Level.EXPERT, SINCE, LocalDate.parse("2026-12-07"),
                            CredentialStatus.ACTIVE, null))
                    .credential(new Credential("c1", "VAS", Level.QUALIFIED, LocalDate.parse("2026-12-08"), null,
                            CredentialStatus.ACTIVE, null))
                    .activity("overnight", "2026-12-07T20:00", "2026-12-08T08:00", "VAS");
            Solution solution = builder.solve();

            // covered throughout at QUALIFIED (the renewal's level), never at EXPERT
            assertThat(solution.assignments()).containsExactly(new Assignment("overnight", "c1", Level.QUALIFIED, Level.QUALIFIED));
        }

        @Test
        void aSuspensionTakesEffectFromItsEffectiveTime() {
            Credential suspendedWednesday = new Credential("c1", "VAS", Level.EXPERT, SINCE, null,
                    CredentialStatus.ACTIVE, null, List.of(
                            new StatusChange(Instant.parse("2026-12-09T10:00:00Z"), CredentialStatus.SUSPENDED),
                            new StatusChange(Instant.parse("2026-12-11T00:00:00Z"), CredentialStatus.ACTIVE)));
            Solution solution = problem().clinician("c1").credential(suspendedWednesday)
                    .activity("mon", "2026-12-07T08:00", "2026-12-07T12:00", "VAS")
                    .activity("wed", "2026-12-09T08:00", "2026-12-09T12:00", "VAS") // runs into the suspension
                    .activity("thu", "2026-12-10T08:00", "2026-12-10T12:00", "VAS")
                    .activity("fri", "2026-12-11T08:00", "2026-12-11T12:00", "VAS") // reinstated
                    .solve();

            assertThat(SolutionAssertions.activitiesOf(solution, "c1")).containsExactly("fri", "mon");
            assertThat(solution.unfilled()).extracting(UnfilledSeat::reason)
                    .containsOnly(UnfilledReason.CREDENTIAL_EXPIRED_OR_SUSPENDED);
        }

        @Test
        void aStatusHistoryMustBeOrderedAndEndInTheCurrentStatus() {
            assertThatThrownBy(() -> new Credential("c1", "VAS", Level.EXPERT, SINCE, null, CredentialStatus.ACTIVE,
                    null, List.of(new StatusChange(Instant.parse("2026-12-09T10:00:00Z"), CredentialStatus.SUSPENDED))))
                    .isInstanceOfSatisfying(InvalidProblemException.class,
                            e -> assertThat(e.field()).isEqualTo("credentials[].status"));
            assertThatThrownBy(() -> new Credential("c1", "VAS", Level.EXPERT, SINCE, null, null, null, List.of(
                    new StatusChange(Instant.parse("2026-12-09T10:00:00Z"), CredentialStatus.SUSPENDED),
                    new StatusChange(Instant.parse("2026-12-08T10:00:00Z"), CredentialStatus.ACTIVE))))
                    .isInstanceOfSatisfying(InvalidProblemException.class,
                            e -> assertThat(e.field()).isEqualTo("credentials[].statusHistory"));
        }
    }

    @Nested
    @DisplayName("each unfilled seat its own reason")
    class UnfilledSeats {

        @Test
        void oneEligibleClinicianBusyAndAnotherAbsentGiveOneSeatEach() {
            Solution solution = problem().clinician("c1").clinician("c2")
                    .busy("c1", "2026-12-07T09:00", "2026-12-07T10:00")
                    .absence("c2", "2026-12-07T00:00", "2026-12-08T00:00")
                    .activity("a", "2026-12-07T08:00", "2026-12-07T12:00", null, 2, Level.QUALIFIED)
                    .activity("b", "2026-12-07T08:00", "2026-12-07T12:00", null, 1, Level.QUALIFIED)
                    .solve();

            assertThat(solution.unfilled()).containsExactlyInAnyOrder(
                    new UnfilledSeat("a", 1, UnfilledReason.ALL_ELIGIBLE_BUSY, Level.QUALIFIED, false),
                    new UnfilledSeat("a", 1, UnfilledReason.ALL_ELIGIBLE_ABSENT, Level.QUALIFIED, false),
                    new UnfilledSeat("b", 1, UnfilledReason.ALL_ELIGIBLE_BUSY, Level.QUALIFIED, false));
        }

        @Test
        void oneValidHolderOnAThreeSeatListIsACapacityProblemNotAMissingCredential() {
            Solution solution = problem().clinician("holder").clinician("other")
                    .credential("holder", "VAS", Level.EXPERT)
                    .activity("a", "2026-12-07T08:00", "2026-12-07T12:00", "VAS", 3, Level.QUALIFIED)
                    .solve();

            assertThat(solution.assignments()).extracting(Assignment::clinicianId).containsExactly("holder");
            assertThat(solution.unfilled()).containsExactly(new UnfilledSeat("a", 2, UnfilledReason.ALL_ELIGIBLE_BUSY, Level.QUALIFIED, false));
        }
    }
}
