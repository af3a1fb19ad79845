package org.rota.solver.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rota.solver.solver.ProblemBuilder.problem;
import static org.rota.solver.solver.SolutionAssertions.activitiesOf;
import static org.rota.solver.solver.SolutionAssertions.staffOf;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Working-time rules that hold across windows: each decided by one rule on a tiny instance, with fixed work. */
@DisplayName("Working-time rules")
class WorkingTimeRulesTest {

    private static Verdict verdictOf(ActivityExplanation explanation, String clinicianId) {
        return explanation.clinicians().stream().filter(v -> v.clinicianId().equals(clinicianId)).findFirst()
                .orElseThrow().verdict();
    }

    @Nested
    @DisplayName("rest and duty length (defaults: 11 h rest, 13 h duty)")
    class RestAndDuty {

        @Test
        void amAndPmClinicsOnOneDayAreOneLegalDutyPeriod() {
            Solution solution = problem().clinician("c1")
                    .activity("am", "2026-12-07T08:00", "2026-12-07T12:00", null)
                    .activity("pm", "2026-12-07T13:00", "2026-12-07T17:00", null)
                    .solve();

            assertThat(activitiesOf(solution, "c1")).containsExactly("am", "pm");
        }

        @Test
        void aDayShiftFollowedStraightByANightIsNeverOneClinicians() {
            Solution solution = problem().clinician("c1")
                    .activity("mon-day", "2026-12-07T08:00", "2026-12-07T20:00", null)
                    .activity("mon-night", "2026-12-07T20:00", "2026-12-08T08:00", null)
                    .activity("tue-day", "2026-12-08T08:00", "2026-12-08T20:00", null)
                    .solve();

            // any two neighbours would be a 24-hour duty period; day and day are 12 h apart, so both days are legal
            assertThat(activitiesOf(solution, "c1")).containsExactly("mon-day", "tue-day");
        }

        @Test
        void restCountsFixedWorkOfTheNextWeekAcrossTheSundayMondayBoundary() {
            ProblemBuilder sundayNight = problem().clinician("c1")
                    .activity("sun-night", "2026-12-13T20:00", "2026-12-14T08:00", null);

            assertThat(staffOf(sundayNight.solve(), "sun-night")).containsExactly("c1");

            // next week's published allocation has c1 on Monday 12:00-20:00: 4 h of rest after the night
            sundayNight.busy("c1", "2026-12-14T12:00", "2026-12-14T20:00");
            Solution solution = sundayNight.solve();
            assertThat(solution.assignments()).isEmpty();
            assertThat(solution.unfilled()).singleElement()
                    .satisfies(seat -> assertThat(seat.reason()).isEqualTo(UnfilledReason.ALL_ELIGIBLE_BUSY));
            assertThat(verdictOf(sundayNight.explain("sun-night", solution), "c1")).isEqualTo(Verdict.REST);
        }

        @Test
        void aChainOfThreeThatNoPairBreaksIsLimitedByTheDutyLength() {
            // each neighbouring pair spans 12 h, the first and last are 12 h apart, the chain spans 14 h
            ProblemBuilder chain = problem().clinician("c1").maxActivitiesPerDay(3)
                    .activity("early", "2026-12-07T00:00", "2026-12-07T01:00", null)
                    .activity("long", "2026-12-07T02:00", "2026-12-07T12:00", null)
                    .activity("late", "2026-12-07T13:00", "2026-12-07T14:00", null);

            Solution solution = chain.solve();
            assertThat(solution.assignments()).hasSize(2);

            Solution longer = chain.maxDutyMinutes(840).solve();
            assertThat(longer.assignments()).hasSize(3);
        }

        @Test
        void fixedWorkOnBothSidesMakesTheChainTooLong() {
            Solution solution = problem().clinician("c1").clinician("c2").maxActivitiesPerDay(3)
                    .busy("c1", "2026-12-07T00:00", "2026-12-07T01:00")
                    .busy("c1", "2026-12-07T13:00", "2026-12-07T14:00")
                    .activity("long", "2026-12-07T02:00", "2026-12-07T12:00", null)
                    .solve();

            assertThat(staffOf(solution, "long")).containsExactly("c2");
        }

        @Test
        void anActivityLongerThanTheDutyLengthCannotBeStaffed() {
            ProblemBuilder builder = problem().clinician("c1")
                    .activity("24h", "2026-12-07T08:00", "2026-12-08T08:00", null);
            Solution solution = builder.solve();

            assertThat(solution.assignments()).isEmpty();
            assertThat(verdictOf(builder.explain("24h", solution), "c1")).isEqualTo(Verdict.DUTY_LENGTH);
        }
    }

    @Nested
    @DisplayName("limits across departments")
    class Limits {

        @Test
        void theWeeklyCapCountsWorkInAnotherDepartment() {
            ProblemBuilder builder = problem().clinician("c1", 1.0, 600)
                    .activity("wed", "2026-12-09T08:00", "2026-12-09T12:00", null);
            assertThat(staffOf(builder.solve(), "wed")).containsExactly("c1");

            builder.busy("c1", "2026-12-07T08:00", "2026-12-07T16:00"); // 8 h elsewhere + 4 h > 10 h
            Solution solution = builder.solve();
            assertThat(solution.assignments()).isEmpty();
            assertThat(verdictOf(builder.explain("wed", solution), "c1")).isEqualTo(Verdict.WEEKLY_CAP);
        }

        @Test
        void aClinicianWithoutACapWorksAtMostTheDefault48Hours() {
            ProblemBuilder builder = problem().clinician("c1")
                    .activity("fri", "2026-12-11T08:00", "2026-12-11T12:00", null);
            for (String day : new String[] {"07", "08", "09", "10"}) {
                builder.busy("c1", "2026-12-" + day + "T08:00", "2026-12-" + day + "T19:30"); // 46 h elsewhere
            }

            assertThat(builder.solve().assignments()).isEmpty();
            assertThat(builder.defaultMaxMinutesPerWeek(3000).solve().assignments()).hasSize(1);
        }

        @Test
        void theDayLimitCountsWorkInAnotherDepartment() {
            ProblemBuilder builder = problem().clinician("c1")
                    .busy("c1", "2026-12-07T08:00", "2026-12-07T09:00")
                    .busy("c1", "2026-12-07T10:00", "2026-12-07T11:00")
                    .activity("mon", "2026-12-07T13:00", "2026-12-07T15:00", null);
            Solution solution = builder.solve();

            assertThat(solution.assignments()).isEmpty();
            assertThat(verdictOf(builder.explain("mon", solution), "c1")).isEqualTo(Verdict.DAILY_LIMIT);
        }

        @Test
        void maxPerWeekCountsFixedWorkOfTheProcedure() {
            ProblemBuilder builder = problem().clinician("c1")
                    .credential(new Credential("c1", "VAS", Level.EXPERT, java.time.LocalDate.parse("2026-01-01"),
                            null, CredentialStatus.ACTIVE, 1))
                    .activity("wed", "2026-12-09T08:00", "2026-12-09T12:00", "VAS");
            assertThat(builder.solve().assignments()).hasSize(1);

            builder.busy("c1", "2026-12-07T08:00", "2026-12-07T12:00", "VAS");
            Solution solution = builder.solve();
            assertThat(solution.assignments()).isEmpty();
            assertThat(verdictOf(builder.explain("wed", solution), "c1")).isEqualTo(Verdict.WEEKLY_PROCEDURE_CAP);
        }

        @Test
        void maxPerWeekCountsPerClinicianAndProcedureSoARenewalMidWeekDoesNotDoubleIt() {
            Solution solution = problem().clinician("c1").clinician("c2")
                    .credential(new Credential("c1", "VAS", Level.EXPERT, java.time.LocalDate.parse("2026-01-01"),
                            java.time.LocalDate.parse("2026-12-09"), CredentialStatus.ACTIVE, 2))
                    .credential(new Credential("c1", "VAS", Level.EXPERT, java.time.LocalDate.parse("2026-12-10"),
                            null, CredentialStatus.ACTIVE, 2))
                    .credential("c2", "VAS", Level.QUALIFIED)
                    .activity("mon", "2026-12-07T08:00", "2026-12-07T12:00", "VAS")
                    .activity("tue", "2026-12-08T08:00", "2026-12-08T12:00", "VAS")
                    .activity("thu", "2026-12-10T08:00", "2026-12-10T12:00", "VAS")
                    .activity("fri", "2026-12-11T08:00", "2026-12-11T12:00", "VAS")
                    .solve();

            assertThat(activitiesOf(solution, "c1")).hasSize(2);
            assertThat(activitiesOf(solution, "c2")).hasSize(2);
        }
    }

    @Nested
    @DisplayName("the commit check")
    class CommitCheck {

        @Test
        void aSolutionThatLaterFixedWorkMakesIllegalIsReportedWithTheRule() {
            ProblemBuilder builder = problem().clinician("c1")
                    .activity("sun-night", "2026-12-13T20:00", "2026-12-14T08:00", null);
            Solution solution = builder.solve();
            assertThat(builder.violations("sun-night", "c1")).isEmpty();

            // meanwhile the next week was published with c1 on Monday afternoon
            builder.busy("c1", "2026-12-14T12:00", "2026-12-14T20:00");
            assertThat(staffOf(solution, "sun-night")).containsExactly("c1");
            assertThat(builder.violations("sun-night", "c1")).singleElement().satisfies(violation -> {
                assertThat(violation.rule()).isEqualTo(Verdict.REST);
                assertThat(violation.activityId()).isEqualTo("sun-night");
            });
        }

        @Test
        void theLaterOfTwoClashingAssignmentsIsTheOneReported() {
            ProblemBuilder builder = problem().clinician("c1")
                    .activity("day", "2026-12-07T08:00", "2026-12-07T20:00", null)
                    .activity("night", "2026-12-07T20:00", "2026-12-08T08:00", null);

            assertThat(builder.violations("night", "c1", "day", "c1")).extracting(RuleViolation::activityId,
                    RuleViolation::rule).containsExactly(org.assertj.core.groups.Tuple.tuple("night", Verdict.REST));
        }
    }
}
