package org.rota.solver.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rota.solver.solver.ProblemBuilder.problem;
import static org.rota.solver.solver.SolutionAssertions.activitiesOf;
import static org.rota.solver.solver.SolutionAssertions.staffOf;
import static org.rota.solver.solver.SolutionAssertions.unfilledReasonOf;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Hard rules")
class HardRulesTest {

    @Test
    void everySeatIsEitherStaffedOrReportedUnfilled() {
        Solution solution = problem()
                .clinician("c1").clinician("c2")
                .activity("a1", "2026-12-07T08:00", "2026-12-07T12:00", null, 3, Level.QUALIFIED)
                .solve();

        assertThat(staffOf(solution, "a1")).containsExactly("c1", "c2");
        assertThat(solution.unfilled()).containsExactly(new UnfilledSeat("a1", 1, UnfilledReason.ALL_ELIGIBLE_BUSY, Level.QUALIFIED, false));
        assertThat(solution.breakdown().counts().unfilledSeats()).isEqualTo(1);
    }

    @Test
    void aClinicianIsNeverInTwoOverlappingActivities() {
        Solution solution = problem()
                .clinician("c1")
                .activity("a1", "2026-12-07T08:00", "2026-12-07T12:00", null)
                .activity("a2", "2026-12-07T11:00", "2026-12-07T15:00", null)
                .solve();

        assertThat(solution.assignments()).hasSize(1);
        assertThat(solution.unfilled()).singleElement()
                .satisfies(seat -> assertThat(seat.reason()).isEqualTo(UnfilledReason.ALL_ELIGIBLE_BUSY));
    }

    @Test
    void backToBackActivitiesDoNotOverlap() {
        Solution solution = problem()
                .clinician("c1")
                .activity("a1", "2026-12-07T08:00", "2026-12-07T12:00", null)
                .activity("a2", "2026-12-07T12:00", "2026-12-07T16:00", null)
                .solve();

        assertThat(activitiesOf(solution, "c1")).containsExactly("a1", "a2");
    }

    @Nested
    class MinimumRest {
        private ProblemBuilder twoSessionsAnHourApart() {
            return problem()
                    .clinician("c1")
                    .activity("a1", "2026-12-07T08:00", "2026-12-07T12:00", null)
                    .activity("a2", "2026-12-07T13:00", "2026-12-07T17:00", null);
        }

        @Test
        void activitiesCloserThanTheMinimumRestCannotBothBeTakenWhenTogetherTheyExceedTheDutyLength() {
            // 08-12 and 13-17 with less than 2 h between are one duty period of 9 h, longer than 8 h allowed
            Solution solution = twoSessionsAnHourApart().minRestMinutes(120).maxDutyMinutes(480).solve();

            assertThat(solution.assignments()).hasSize(1);
            assertThat(solution.unfilled()).singleElement()
                    .satisfies(seat -> assertThat(seat.reason()).isEqualTo(UnfilledReason.ALL_ELIGIBLE_BUSY));
        }

        @Test
        void aGapOfExactlyTheMinimumRestIsEnough() {
            Solution solution = twoSessionsAnHourApart().minRestMinutes(60).solve();

            assertThat(activitiesOf(solution, "c1")).containsExactly("a1", "a2");
        }

        @Test
        void restAppliesAcrossMidnightForShifts() {
            Solution solution = problem()
                    .clinician("c1")
                    .activity("night", "2026-12-07T20:00", "2026-12-08T08:00", null)
                    .activity("day", "2026-12-08T12:00", "2026-12-08T20:00", null)
                    .minRestMinutes(600)
                    .solve();

            assertThat(solution.assignments()).hasSize(1);
        }
    }

    @Test
    void atMostMaxActivitiesPerDayPerClinician() {
        ProblemBuilder threeSessionsOneDay = problem()
                .clinician("c1")
                .activity("am", "2026-12-07T08:00", "2026-12-07T10:00", null)
                .activity("mid", "2026-12-07T11:00", "2026-12-07T13:00", null)
                .activity("pm", "2026-12-07T14:00", "2026-12-07T16:00", null)
                .activity("next-day", "2026-12-08T08:00", "2026-12-08T10:00", null);

        Solution solution = threeSessionsOneDay.maxActivitiesPerDay(2).solve();

        assertThat(activitiesOf(solution, "c1")).hasSize(3).contains("next-day");
        assertThat(solution.unfilledSeatCount()).isEqualTo(1);
    }

    @Test
    void theDayOfAnActivityIsJudgedInTheZone() {
        // 23:30 UTC on 7 December is already 8 December in Tokyo: the two sessions fall on different days there
        ProblemBuilder lateAndEarly = problem()
                .clinician("c1")
                .activity("late", "2026-12-07T14:00", "2026-12-07T15:00", null)
                .activity("later", "2026-12-07T23:30", "2026-12-08T00:30", null)
                .maxActivitiesPerDay(1);

        assertThat(lateAndEarly.zone("UTC").solve().assignments()).hasSize(1);
        assertThat(lateAndEarly.zone("Asia/Tokyo").solve().assignments()).hasSize(2);
    }

    @Nested
    class WeeklyMinutes {
        @Test
        void weeklyMinutesStayWithinFteTimesTheCap() {
            // half time of 960 minutes = 480 minutes: two four-hour sessions, not three, in ISO week 50
            Solution solution = problem()
                    .clinician("c1", 0.5, 960)
                    .activity("mon", "2026-12-07T08:00", "2026-12-07T12:00", null)
                    .activity("tue", "2026-12-08T08:00", "2026-12-08T12:00", null)
                    .activity("wed", "2026-12-09T08:00", "2026-12-09T12:00", null)
                    .activity("next-mon", "2026-12-14T08:00", "2026-12-14T12:00", null)
                    .solve();

            assertThat(activitiesOf(solution, "c1")).hasSize(3).contains("next-mon");
            assertThat(solution.unfilledSeatCount()).isEqualTo(1);
        }

        @Test
        void theIsoWeekIsJudgedInTheZone() {
            // Sunday 23:30 UTC is already Monday of the next ISO week in Tokyo: 3 h + 2 h in one week exceed 4 h
            ProblemBuilder sundayNightAndMonday = problem()
                    .clinician("c1", 1.0, 240)
                    .activity("sun-late", "2026-12-13T23:30", "2026-12-14T02:30", null)
                    .activity("mon", "2026-12-14T05:00", "2026-12-14T07:00", null);

            assertThat(sundayNightAndMonday.zone("UTC").solve().assignments()).hasSize(2);
            assertThat(sundayNightAndMonday.zone("Asia/Tokyo").solve().assignments()).hasSize(1);
        }

        @Test
        void withoutACapThereIsNoWeeklyLimit() {
            Solution solution = problem()
                    .clinician("c1", 0.5, null)
                    .activity("mon", "2026-12-07T08:00", "2026-12-07T12:00", null)
                    .activity("tue", "2026-12-08T08:00", "2026-12-08T12:00", null)
                    .activity("wed", "2026-12-09T08:00", "2026-12-09T12:00", null)
                    .solve();

            assertThat(solution.assignments()).hasSize(3);
        }
    }

    @Test
    void aCredentialsMaxPerWeekLimitsActivitiesOfThatProcedurePerIsoWeek() {
        Solution solution = problem()
                .clinician("c1")
                .credential(new Credential("c1", "VAS", Level.EXPERT, LocalDate.parse("2026-01-01"), null,
                        CredentialStatus.ACTIVE, 1))
                .activity("vas-mon", "2026-12-07T08:00", "2026-12-07T12:00", "VAS")
                .activity("vas-tue", "2026-12-08T08:00", "2026-12-08T12:00", "VAS")
                .activity("vas-next-mon", "2026-12-14T08:00", "2026-12-14T12:00", "VAS")
                .activity("clinic-tue", "2026-12-08T13:00", "2026-12-08T17:00", null)
                .solve();

        assertThat(activitiesOf(solution, "c1")).hasSize(3).contains("vas-next-mon", "clinic-tue");
        assertThat(solution.unfilled()).singleElement()
                .satisfies(seat -> assertThat(seat.reason()).isEqualTo(UnfilledReason.ALL_ELIGIBLE_BUSY));
    }

    @Nested
    class Pins {
        @Test
        void aPinIsKeptEvenWhenItCostsMore() {
            Solution solution = problem()
                    .clinician("expert").clinician("qualified")
                    .credential("expert", "VAS", Level.EXPERT)
                    .credential("qualified", "VAS", Level.QUALIFIED)
                    .activity("a1", "2026-12-07T08:00", "2026-12-07T12:00", "VAS")
                    .pin("a1", "qualified")
                    .solve();

            assertThat(staffOf(solution, "a1")).containsExactly("qualified");
            assertThat(solution.pinConflicts()).isEmpty();
            assertThat(solution.breakdown().counts().qualifiedInsteadOfExpert()).isEqualTo(1);
        }

        @Test
        void aPinOfAnIneligibleClinicianIsReportedAndItsSeatMarkedPinnedConflict() {
            Solution solution = problem()
                    .clinician("c1")
                    .activity("a1", "2026-12-07T08:00", "2026-12-07T12:00", "VAS")
                    .pin("a1", "c1")
                    .solve();

            assertThat(solution.status()).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(solution.pinConflicts()).singleElement().satisfies(conflict -> {
                assertThat(conflict.activityId()).isEqualTo("a1");
                assertThat(conflict.clinicianId()).isEqualTo("c1");
                assertThat(conflict.reason()).isEqualTo(PinConflictReason.NOT_ELIGIBLE);
                assertThat(conflict.detail()).contains("no credential");
            });
            assertThat(unfilledReasonOf(solution, "a1")).isEqualTo(UnfilledReason.PINNED_CONFLICT);
        }

        @Test
        void ofTwoOverlappingPinsOfOneClinicianTheEarlierIsKeptAndTheLaterReported() {
            Solution solution = problem()
                    .clinician("c1")
                    .activity("a1", "2026-12-07T08:00", "2026-12-07T12:00", null)
                    .activity("a2", "2026-12-07T11:00", "2026-12-07T15:00", null)
                    .pin("a2", "c1")
                    .pin("a1", "c1")
                    .solve();

            assertThat(staffOf(solution, "a1")).containsExactly("c1");
            assertThat(solution.pinConflicts()).singleElement().satisfies(conflict -> {
                assertThat(conflict.activityId()).isEqualTo("a2");
                assertThat(conflict.reason()).isEqualTo(PinConflictReason.OVERLAPPING_ACTIVITY);
            });
            assertThat(unfilledReasonOf(solution, "a2")).isEqualTo(UnfilledReason.PINNED_CONFLICT);
        }

        @Test
        void pinsThatBreakRestOrDailyOrWeeklyLimitsAreReported() {
            Solution solution = problem()
                    .clinician("c1", 1.0, 300)
                    .clinician("c2")
                    .activity("a1", "2026-12-07T08:00", "2026-12-07T12:00", null)
                    .activity("a2", "2026-12-07T12:30", "2026-12-07T13:30", null)
                    .activity("a3", "2026-12-08T08:00", "2026-12-08T10:00", null)
                    .pin("a1", "c1").pin("a2", "c1").pin("a3", "c1")
                    .minRestMinutes(60).maxDutyMinutes(300)
                    .solve();

            assertThat(solution.pinConflicts()).extracting(PinConflict::activityId, PinConflict::reason)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("a2", PinConflictReason.MINIMUM_REST),
                            org.assertj.core.groups.Tuple.tuple("a3", PinConflictReason.WEEKLY_MINUTES));
            // the seats are still staffed by someone else: a conflict only empties a seat nobody else can take
            assertThat(staffOf(solution, "a2")).containsExactly("c2");
            assertThat(staffOf(solution, "a3")).containsExactly("c2");
        }

        @Test
        void aPinOfAnAbsentClinicianIsReportedWithTheReason() {
            Solution solution = problem()
                    .clinician("c1").clinician("c2")
                    .absence("c1", "2026-12-07T00:00", "2026-12-08T00:00")
                    .activity("a1", "2026-12-07T08:00", "2026-12-07T12:00", null)
                    .pin("a1", "c1")
                    .solve();

            assertThat(solution.pinConflicts()).singleElement().satisfies(conflict -> {
                assertThat(conflict.reason()).isEqualTo(PinConflictReason.NOT_ELIGIBLE);
                assertThat(conflict.detail()).contains("absent");
            });
            assertThat(staffOf(solution, "a1")).containsExactly("c2");
        }

        @Test
        void morePinsThanSeatsAreReported() {
            Solution solution = problem()
                    .clinician("c1").clinician("c2")
                    .activity("a1", "2026-12-07T08:00", "2026-12-07T12:00", null)
                    .pin("a1", "c1").pin("a1", "c2")
                    .solve();

            assertThat(staffOf(solution, "a1")).containsExactly("c1");
            assertThat(solution.pinConflicts()).extracting(PinConflict::reason)
                    .containsExactly(PinConflictReason.MORE_PINS_THAN_SEATS);
        }

        @Test
        void pinsOfUnknownActivitiesOrCliniciansAreReported() {
            Solution solution = problem()
                    .clinician("c1")
                    .activity("a1", "2026-12-07T08:00", "2026-12-07T12:00", null)
                    .pin("nope", "c1").pin("a1", "ghost")
                    .solve();

            assertThat(solution.pinConflicts()).extracting(PinConflict::reason)
                    .containsExactlyInAnyOrder(PinConflictReason.UNKNOWN_ACTIVITY, PinConflictReason.UNKNOWN_CLINICIAN);
            assertThat(staffOf(solution, "a1")).containsExactly("c1");
        }
    }
}
