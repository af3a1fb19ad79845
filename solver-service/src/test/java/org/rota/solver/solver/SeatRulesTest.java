package org.rota.solver.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rota.solver.solver.Level.EXPERT;
import static org.rota.solver.solver.Level.QUALIFIED;
import static org.rota.solver.solver.Level.TRAINEE;
import static org.rota.solver.solver.ProblemBuilder.at;
import static org.rota.solver.solver.ProblemBuilder.optionalSeat;
import static org.rota.solver.solver.ProblemBuilder.problem;
import static org.rota.solver.solver.ProblemBuilder.seat;
import static org.rota.solver.solver.SolutionAssertions.staffOf;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One specification per seat rule, each on a list only that rule decides. */
@DisplayName("Seats and supervision")
class SeatRulesTest {

    private static final String START = "2026-12-07T08:00";
    private static final String END = "2026-12-07T12:00";

    private static ProblemBuilder vasTeam(String... clinicianLevelPairs) {
        ProblemBuilder builder = problem();
        for (int i = 0; i < clinicianLevelPairs.length; i += 2) {
            builder.clinician(clinicianLevelPairs[i])
                    .credential(clinicianLevelPairs[i], "VAS", Level.valueOf(clinicianLevelPairs[i + 1]));
        }
        return builder;
    }

    private static Level seatOf(Solution solution, String clinicianId) {
        return solution.assignments().stream().filter(a -> a.clinicianId().equals(clinicianId))
                .map(Assignment::seat).findFirst().orElse(null);
    }

    private static Verdict verdictOf(ActivityExplanation explanation, String clinicianId) {
        return explanation.clinicians().stream().filter(v -> v.clinicianId().equals(clinicianId))
                .map(ClinicianVerdict::verdict).findFirst().orElseThrow();
    }

    @Nested
    @DisplayName("a primary and a secondary seat")
    class PrimaryAndSecondary {

        @Test
        void theExpertTakesTheExpertSeatAndAQualifiedClinicianTheOther() {
            Solution solution = vasTeam("expert", "EXPERT", "q1", "QUALIFIED", "q2", "QUALIFIED")
                    .activity("list", START, END, "VAS", null, seat(EXPERT, 1), seat(QUALIFIED, 1))
                    .solve();

            assertThat(staffOf(solution, "list")).hasSize(2).contains("expert");
            assertThat(seatOf(solution, "expert")).isEqualTo(EXPERT);
            assertThat(solution.assignments()).filteredOn(a -> !a.clinicianId().equals("expert"))
                    .extracting(Assignment::seat).containsExactly(QUALIFIED);
            assertThat(solution.unfilled()).isEmpty();
            // the list spelled out its expert: its QUALIFIED seat is filled as asked, at no penalty
            assertThat(solution.breakdown().qualifiedInsteadOfExpert()).isZero();
        }

        @Test
        void twoQualifiedCliniciansCannotRunTheList() {
            ProblemBuilder team = vasTeam("q1", "QUALIFIED", "q2", "QUALIFIED")
                    .activity("list", START, END, "VAS", null, seat(EXPERT, 1), seat(QUALIFIED, 1));
            Solution solution = team.solve();

            assertThat(staffOf(solution, "list")).hasSize(1);
            assertThat(solution.assignments()).extracting(Assignment::seat).containsExactly(QUALIFIED);
            assertThat(solution.unfilled()).containsExactly(
                    new UnfilledSeat("list", 1, UnfilledReason.LEVEL_TOO_LOW, EXPERT, false));
        }

        @Test
        void twoExpertsFillBothSeats() {
            Solution solution = vasTeam("e1", "EXPERT", "e2", "EXPERT")
                    .activity("list", START, END, "VAS", null, seat(EXPERT, 1), seat(QUALIFIED, 1))
                    .solve();

            assertThat(solution.assignments()).extracting(Assignment::seat).containsExactlyInAnyOrder(EXPERT, QUALIFIED);
        }

        @Test
        void theShorthandOfTwoQualifiedSeatsStillPrefersExperts() {
            Solution solution = vasTeam("expert", "EXPERT", "q1", "QUALIFIED", "q2", "QUALIFIED")
                    .activity("list", START, END, "VAS", 2, QUALIFIED)
                    .weights(100_000, 10, 0, 0, 0, 0)
                    .solve();

            assertThat(staffOf(solution, "list")).contains("expert");
            assertThat(solution.breakdown().qualifiedInsteadOfExpert()).isEqualTo(10);
        }
    }

    @Nested
    @DisplayName("levels and seats")
    class Levels {

        @Test
        void aTraineeNeverFillsAQualifiedSeat() {
            ProblemBuilder team = vasTeam("q1", "QUALIFIED", "trainee", "TRAINEE")
                    .activity("list", START, END, "VAS", 2, QUALIFIED);
            Solution solution = team.solve();

            assertThat(staffOf(solution, "list")).containsExactly("q1");
            assertThat(solution.unfilled()).containsExactly(
                    new UnfilledSeat("list", 1, UnfilledReason.LEVEL_TOO_LOW, QUALIFIED, false));
            assertThat(verdictOf(team.explain("list", solution), "trainee")).isEqualTo(Verdict.LEVEL_TOO_LOW);
            assertThat(team.violations("list", "trainee")).extracting(RuleViolation::rule)
                    .containsExactly(Verdict.LEVEL_TOO_LOW);
        }

        @Test
        void aNonTraineeNeverFillsATraineeSeat() {
            ProblemBuilder team = vasTeam("q1", "QUALIFIED", "q2", "QUALIFIED")
                    .activity("list", START, END, "VAS", null, seat(QUALIFIED, 1), seat(TRAINEE, 1))
                    .activity("teaching", "2026-12-08T08:00", "2026-12-08T12:00", "VAS", null, seat(TRAINEE, 1));
            Solution solution = team.solve();

            assertThat(staffOf(solution, "list")).hasSize(1);
            assertThat(staffOf(solution, "teaching")).isEmpty();
            assertThat(solution.unfilled()).extracting(UnfilledSeat::level, UnfilledSeat::reason).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(TRAINEE, UnfilledReason.LEVEL_TOO_LOW),
                    org.assertj.core.groups.Tuple.tuple(TRAINEE, UnfilledReason.LEVEL_TOO_LOW));
            assertThat(verdictOf(team.explain("teaching", solution), "q1")).isEqualTo(Verdict.NOT_A_TRAINEE);
        }
    }

    @Nested
    @DisplayName("supervision")
    class Supervision {

        @Test
        void traineesWithoutASupervisorStayOut() {
            ProblemBuilder team = vasTeam("q1", "QUALIFIED", "t1", "TRAINEE", "t2", "TRAINEE")
                    .absence("q1", "2026-12-07T00:00", "2026-12-08T00:00")
                    .activity("list", START, END, "VAS", null, seat(QUALIFIED, 1), optionalSeat(TRAINEE, 2));
            Solution solution = team.solve();

            assertThat(staffOf(solution, "list")).isEmpty();
            assertThat(solution.unfilled()).containsExactly(
                    new UnfilledSeat("list", 1, UnfilledReason.ALL_ELIGIBLE_ABSENT, QUALIFIED, false),
                    new UnfilledSeat("list", 2, UnfilledReason.NOT_ENOUGH_SUPERVISORS, TRAINEE, true));
            assertThat(verdictOf(team.explain("list", solution), "t1")).isEqualTo(Verdict.NO_SUPERVISOR);
            assertThat(team.violations("list", "t1")).extracting(RuleViolation::rule)
                    .containsExactly(Verdict.NO_SUPERVISOR);
        }

        @Test
        void oneSupervisorTakesTwoTraineesByDefault() {
            ProblemBuilder team = vasTeam("q1", "QUALIFIED", "t1", "TRAINEE", "t2", "TRAINEE", "t3", "TRAINEE")
                    .activity("list", START, END, "VAS", null, seat(QUALIFIED, 1), optionalSeat(TRAINEE, 3));
            Solution solution = team.solve();

            assertThat(solution.assignments()).extracting(Assignment::seat)
                    .containsExactlyInAnyOrder(QUALIFIED, TRAINEE, TRAINEE);
            assertThat(solution.unfilled()).containsExactly(
                    new UnfilledSeat("list", 1, UnfilledReason.NOT_ENOUGH_SUPERVISORS, TRAINEE, true));
            String left = List.of("t1", "t2", "t3").stream().filter(t -> seatOf(solution, t) == null).findFirst()
                    .orElseThrow();
            assertThat(verdictOf(team.explain("list", solution), left)).isEqualTo(Verdict.NO_SUPERVISOR);
        }

        @Test
        void anActivityMaySetItsOwnRatio() {
            Solution solution = vasTeam("q1", "QUALIFIED", "t1", "TRAINEE", "t2", "TRAINEE", "t3", "TRAINEE")
                    .activity("list", START, END, "VAS", 3, seat(QUALIFIED, 1), optionalSeat(TRAINEE, 3))
                    .solve();

            assertThat(staffOf(solution, "list")).containsExactly("q1", "t1", "t2", "t3");
        }

        @Test
        void theSolversRatioAppliesWhereTheActivityGivesNone() {
            Solution solution = vasTeam("q1", "QUALIFIED", "t1", "TRAINEE", "t2", "TRAINEE")
                    .activity("list", START, END, "VAS", null, seat(QUALIFIED, 1), optionalSeat(TRAINEE, 2))
                    .traineesPerSupervisor(1)
                    .solve();

            assertThat(staffOf(solution, "list")).hasSize(2).contains("q1");
        }

        @Test
        void aRatioOfZeroTakesNoTrainees() {
            ProblemBuilder team = vasTeam("q1", "QUALIFIED", "t1", "TRAINEE")
                    .activity("list", START, END, "VAS", 0, seat(QUALIFIED, 1), optionalSeat(TRAINEE, 1));
            Solution solution = team.solve();

            assertThat(staffOf(solution, "list")).containsExactly("q1");
            assertThat(verdictOf(team.explain("list", null), "t1")).isEqualTo(Verdict.NO_SUPERVISOR);
        }

        @Test
        void aPinnedTraineeNeedsAPinnedSupervisor() {
            Solution solution = vasTeam("q1", "QUALIFIED", "t1", "TRAINEE")
                    .activity("list", START, END, "VAS", null, seat(QUALIFIED, 1), optionalSeat(TRAINEE, 1))
                    .pin("list", "t1")
                    .solve();

            assertThat(solution.pinConflicts()).extracting(PinConflict::reason)
                    .containsExactly(PinConflictReason.NO_SUPERVISOR);
        }

        @Test
        void aTraineePinnedWithTheirSupervisorIsKept() {
            Solution solution = vasTeam("q1", "QUALIFIED", "t1", "TRAINEE")
                    .activity("list", START, END, "VAS", null, seat(QUALIFIED, 1), optionalSeat(TRAINEE, 1))
                    .pin("list", "t1").pin("list", "q1")
                    .solve();

            assertThat(solution.pinConflicts()).isEmpty();
            assertThat(staffOf(solution, "list")).containsExactly("q1", "t1");
        }
    }

    @Nested
    @DisplayName("optional seats")
    class OptionalSeats {

        @Test
        void anOptionalSeatLeftEmptyCostsItsOwnWeightAndHasItsReasonAndLevel() {
            Solution solution = vasTeam("q1", "QUALIFIED", "q2", "QUALIFIED")
                    .activity("list", START, END, "VAS", null, seat(QUALIFIED, 1), optionalSeat(TRAINEE, 1))
                    .weights(100_000, 700, 0, 0, 0, 0, 0)
                    .solve();

            assertThat(solution.breakdown().unfilledSeats()).isZero();
            assertThat(solution.breakdown().unfilledOptionalSeats()).isEqualTo(700);
            assertThat(solution.breakdown().counts().unfilledOptionalSeats()).isEqualTo(1);
            assertThat(solution.unfilled()).containsExactly(
                    new UnfilledSeat("list", 1, UnfilledReason.LEVEL_TOO_LOW, TRAINEE, true));
        }

        @Test
        void anOptionalSeatIsFilledWhenItIsWorthItsPrice() {
            // the trainee does not want the day (4 h × 100 = 400), but the optional seat costs 700 empty
            Solution solution = vasTeam("q1", "QUALIFIED", "t1", "TRAINEE")
                    .preference("t1", "2026-12-07", PreferenceKind.UNDESIRED)
                    .activity("list", START, END, "VAS", null, seat(QUALIFIED, 1), optionalSeat(TRAINEE, 1))
                    .weights(100_000, 700, 0, 100, 0, 0, 0)
                    .solve();

            assertThat(staffOf(solution, "list")).containsExactly("q1", "t1");
            assertThat(solution.objective()).isEqualTo(400);
        }

        @Test
        void anOptionalSeatIsLeftEmptyWhenFillingItCostsMore() {
            Solution solution = vasTeam("q1", "QUALIFIED", "t1", "TRAINEE")
                    .preference("t1", "2026-12-07", PreferenceKind.UNDESIRED)
                    .activity("list", START, END, "VAS", null, seat(QUALIFIED, 1), optionalSeat(TRAINEE, 1))
                    .weights(100_000, 300, 0, 100, 0, 0, 0)
                    .solve();

            assertThat(staffOf(solution, "list")).containsExactly("q1");
            assertThat(solution.objective()).isEqualTo(300);
        }
    }

    @Nested
    @DisplayName("the seats of an activity")
    class Input {

        private static void assertRejected(Runnable make, String field) {
            assertThatThrownBy(make::run).isInstanceOfSatisfying(InvalidProblemException.class,
                    e -> assertThat(e.field()).isEqualTo(field));
        }

        private static Activity activity(Integer required, Level minimum, List<Seat> seats, Integer ratio) {
            return new Activity("a", at(START), at(END), "VAS", required, minimum, null, null, seats, ratio);
        }

        @Test
        void theShorthandIsOneGroup() {
            assertThat(activity(2, EXPERT, null, null).seats()).containsExactly(seat(EXPERT, 2));
            assertThat(activity(null, null, null, null).seats()).containsExactly(seat(QUALIFIED, 1));
        }

        @Test
        void theShorthandMayRepeatItsOneGroup() {
            assertThat(activity(2, EXPERT, List.of(seat(EXPERT, 2)), null).seats()).containsExactly(seat(EXPERT, 2));
        }

        @Test
        void shorthandAndSeatsThatDisagreeAreRejected() {
            assertRejected(() -> activity(2, EXPERT, List.of(seat(EXPERT, 1), seat(QUALIFIED, 1)), null),
                    "activities[].seats");
            assertRejected(() -> activity(1, QUALIFIED, List.of(seat(EXPERT, 1)), null), "activities[].seats");
        }

        @Test
        void malformedSeatsAreRejectedByField() {
            assertRejected(() -> activity(null, null, List.of(), null), "activities[].seats");
            assertRejected(() -> activity(null, null, List.of(seat(EXPERT, 1), seat(EXPERT, 2)), null),
                    "activities[].seats");
            assertRejected(() -> new Seat(EXPERT, 0, false), "activities[].seats[].count");
            assertRejected(() -> new Seat(null, 1, false), "activities[].seats[].minimumLevel");
            assertRejected(() -> activity(null, null, List.of(seat(EXPERT, 1)), -1),
                    "activities[].traineesPerSupervisor");
        }

        @Test
        void seatsArriveInTheWhatIfJson() throws Exception {
            Problem problem = ContractTest.JSON.readValue("""
                    { "activities": [{"id": "a1", "start": "2026-12-07T08:00:00Z", "end": "2026-12-07T12:00:00Z",
                                      "procedureCode": "VAS", "traineesPerSupervisor": 1,
                                      "seats": [{"minimumLevel": "EXPERT", "count": 1},
                                                {"minimumLevel": "TRAINEE", "count": 2, "optional": true}]}] }
                    """, Problem.class);

            Activity activity = problem.activities().get(0);
            assertThat(activity.seats()).containsExactly(seat(EXPERT, 1), optionalSeat(TRAINEE, 2));
            assertThat(activity.traineesPerSupervisor()).isEqualTo(1);
            assertThat(activity.requiredClinicians()).isNull();
            assertThat(ContractTest.JSON.readValue(ContractTest.JSON.writeValueAsString(problem), Problem.class))
                    .isEqualTo(problem);
        }
    }
}
