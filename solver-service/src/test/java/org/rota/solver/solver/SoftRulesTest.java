package org.rota.solver.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rota.solver.solver.ProblemBuilder.problem;
import static org.rota.solver.solver.SolutionAssertions.activitiesOf;
import static org.rota.solver.solver.SolutionAssertions.staffOf;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Each case sets up two soft rules against each other with weights chosen so that only the rule under test can win:
 * without it, the competing rule would decide the other way.
 */
@DisplayName("Soft rules")
class SoftRulesTest {

    private static ProblemBuilder expertAndQualifiedForOneVasList() {
        return problem()
                .clinician("expert").clinician("qualified")
                .credential("expert", "VAS", Level.EXPERT)
                .credential("qualified", "VAS", Level.QUALIFIED)
                .activity("a1", "2026-12-07T08:00", "2026-12-07T12:00", "VAS");
    }

    @Test
    void aSeatIsStaffedEvenOnAnUndesiredDay() {
        Solution solution = problem().clinician("c1")
                .preference("c1", "2026-12-07", PreferenceKind.UNDESIRED)
                .activity("a1", "2026-12-07T08:00", "2026-12-07T12:00", null)
                .weights(100_000, 0, 5, 0, 0, 0)
                .solve();

        assertThat(staffOf(solution, "a1")).containsExactly("c1");
        assertThat(solution.breakdown().unfilledSeats()).isZero();
        assertThat(solution.breakdown().undesiredDays()).isEqualTo(4 * 5);
    }

    @Test
    void anUnfilledSeatCostsItsWeightPerSeat() {
        Solution solution = problem().clinician("c1")
                .activity("a1", "2026-12-07T08:00", "2026-12-07T12:00", null, 3, Level.QUALIFIED)
                .weights(1000, 0, 0, 0, 0, 0)
                .solve();

        assertThat(solution.breakdown().unfilledSeats()).isEqualTo(2000);
        assertThat(solution.objective()).isEqualTo(2000);
    }

    @Test
    void anExpertIsPreferredOverAQualifiedClinician() {
        // the expert dislikes the day (4 h × 2 = 8), yet QUALIFIED where an EXPERT can serve costs more (10)
        Solution solution = expertAndQualifiedForOneVasList()
                .preference("expert", "2026-12-07", PreferenceKind.UNDESIRED)
                .weights(100_000, 10, 2, 0, 0, 0)
                .solve();

        assertThat(solution.assignments()).containsExactly(new Assignment("a1", "expert", Level.EXPERT, Level.QUALIFIED));
        assertThat(solution.breakdown().qualifiedInsteadOfExpert()).isZero();
    }

    @Test
    void aQualifiedClinicianCostsNothingExtraWhenNoExpertIsEligible() {
        Solution solution = expertAndQualifiedForOneVasList()
                .absence("expert", "2026-12-07T00:00", "2026-12-08T00:00")
                .solve();

        assertThat(solution.assignments()).containsExactly(new Assignment("a1", "qualified", Level.QUALIFIED, Level.QUALIFIED));
        assertThat(solution.breakdown().qualifiedInsteadOfExpert()).isZero();
    }

    @Test
    void anUndesiredDayIsAvoidedWhenSomeoneElseCanServe() {
        Solution solution = expertAndQualifiedForOneVasList()
                .preference("expert", "2026-12-07", PreferenceKind.UNDESIRED)
                .weights(100_000, 1, 5, 0, 0, 0)
                .solve();

        assertThat(staffOf(solution, "a1")).containsExactly("qualified");
        assertThat(solution.breakdown().undesiredDays()).isZero();
        assertThat(solution.breakdown().qualifiedInsteadOfExpert()).isEqualTo(1);
    }

    @Test
    void aDesiredDayIsRewarded() {
        Solution solution = expertAndQualifiedForOneVasList()
                .preference("qualified", "2026-12-07", PreferenceKind.DESIRED)
                .weights(100_000, 1, 0, 5, 0, 0)
                .solve();

        assertThat(staffOf(solution, "a1")).containsExactly("qualified");
        assertThat(solution.breakdown().desiredDays()).isEqualTo(-4 * 5);
        assertThat(solution.objective()).isEqualTo(-19);
    }

    @Test
    void aNightListStartingOnADesiredDayEarnsTheRewardForItsHoursOnThatDayInTheZone() {
        // 22:00–08:00 in Berlin: 2 hours on Monday, 8 on Tuesday
        Solution solution = problem().zone("Europe/Berlin").clinician("c1")
                .preference("c1", "2026-12-07", PreferenceKind.DESIRED)
                .activity("night", "2026-12-07T21:00", "2026-12-08T07:00", null)
                .weights(100_000, 0, 5, 5, 0, 0)
                .solve();

        assertThat(staffOf(solution, "night")).containsExactly("c1");
        assertThat(solution.breakdown().counts().desiredMinutes()).isEqualTo(120);
        assertThat(solution.breakdown().desiredDays()).isEqualTo(-2 * 5);
    }

    @Test
    void aNightListIntoAnUndesiredDayCostsItsHoursOnThatDay() {
        Solution solution = problem().zone("Europe/Berlin").clinician("c1")
                .preference("c1", "2026-12-08", PreferenceKind.UNDESIRED)
                .activity("night", "2026-12-07T21:00", "2026-12-08T07:00", null)
                .weights(100_000, 0, 5, 5, 0, 0)
                .solve();

        assertThat(solution.breakdown().counts().undesiredMinutes()).isEqualTo(480);
        assertThat(solution.breakdown().undesiredDays()).isEqualTo(8 * 5);
    }

    @Test
    void theMinutesOnAPreferredDayArePricedPerHourRoundedHalfUp() {
        // 50 minutes at 3 per hour is 2.5, which rounds up to 3
        Solution solution = problem().clinician("c1")
                .preference("c1", "2026-12-07", PreferenceKind.UNDESIRED)
                .activity("short", "2026-12-07T08:00", "2026-12-07T08:50", null)
                .weights(100_000, 0, 3, 0, 0, 0)
                .solve();

        assertThat(solution.breakdown().undesiredDays()).isEqualTo(3);
    }

    @Test
    void fairnessSpreadsWorkAcrossClinicians() {
        // giving both sessions to the expert saves 2 QUALIFIED penalties but leaves a spread of 8 hours
        Solution solution = problem()
                .clinician("expert").clinician("qualified")
                .credential("expert", "VAS", Level.EXPERT)
                .credential("qualified", "VAS", Level.QUALIFIED)
                .activity("mon", "2026-12-07T08:00", "2026-12-07T12:00", "VAS")
                .activity("tue", "2026-12-08T08:00", "2026-12-08T12:00", "VAS")
                .weights(100_000, 1, 0, 0, 10, 0)
                .solve();

        assertThat(activitiesOf(solution, "expert")).hasSize(1);
        assertThat(activitiesOf(solution, "qualified")).hasSize(1);
        assertThat(solution.breakdown().fairness()).isZero();
    }

    @Test
    void fairnessComparesLoadNormalisedByFte() {
        // four 2-hour sessions: 3 for the full-timer and 1 for the half-timer is 6 h against 4 h full-time equivalent
        Solution solution = problem()
                .clinician("full", 1.0, null).clinician("half", 0.5, null)
                .activity("s1", "2026-12-07T08:00", "2026-12-07T10:00", null)
                .activity("s2", "2026-12-08T08:00", "2026-12-08T10:00", null)
                .activity("s3", "2026-12-09T08:00", "2026-12-09T10:00", null)
                .activity("s4", "2026-12-10T08:00", "2026-12-10T10:00", null)
                .weights(100_000, 0, 0, 0, 1, 0)
                .solve();

        assertThat(activitiesOf(solution, "full")).hasSize(3);
        assertThat(activitiesOf(solution, "half")).hasSize(1);
        // the fair share is 8 h ÷ 1.5 fte = 5 h 20 min: 6 h is 2/3 h above it (2/3 h² interpolated between whole
        // hours), 4 h is 4/3 h below (2 h²): 3 h² rounded up; 2 + 2 sessions would be 4 h and 8 h, 3 h² + 8/3 h²
        assertThat(solution.breakdown().counts().fairnessSquaredHours()).isEqualTo(3);
    }

    @Test
    void aClinicianBackFromFourDaysLeaveIsNotGivenMoreThanAFairShare() {
        // back on Friday, c is available for a fifth of the week's working time: a fair share is a fifth of a full
        // week's load, one of Friday's two sessions. Measured by the spread between the extremes, c would sit at the
        // minimum and be given both, to shorten the spread.
        ProblemBuilder week = problem().clinician("a").clinician("b").clinician("c")
                .absence("c", "2026-12-07T00:00", "2026-12-11T00:00")
                .weights(100_000, 0, 0, 0, 1, 0);
        for (int day = 7; day <= 11; day++) {
            week.activity("am" + day, "2026-12-%02dT08:00".formatted(day), "2026-12-%02dT12:00".formatted(day), null)
                    .activity("pm" + day, "2026-12-%02dT13:00".formatted(day), "2026-12-%02dT17:00".formatted(day), null);
        }
        Solution solution = week.solve();

        assertThat(solution.unfilled()).isEmpty();
        assertThat(activitiesOf(solution, "c")).hasSize(1);
    }

    @Test
    void fairnessIsTheSumOfSquaredDeviationsFromTheFairShare() {
        // 12 h of work for three full-timers is a fair share of 4 h each; loads 8 h, 4 h and 0 h: 16 + 0 + 16
        Solution solution = problem().clinician("a").clinician("b").clinician("c")
                .activity("s1", "2026-12-07T08:00", "2026-12-07T12:00", null)
                .activity("s2", "2026-12-08T08:00", "2026-12-08T12:00", null)
                .activity("s3", "2026-12-09T08:00", "2026-12-09T12:00", null)
                .pin("s1", "a").pin("s2", "a").pin("s3", "b")
                .weights(100_000, 0, 0, 0, 1, 0)
                .solve();

        assertThat(solution.breakdown().counts().fairnessSquaredHours()).isEqualTo(32);
        assertThat(solution.breakdown().fairness()).isEqualTo(32);
    }

    @Test
    void stabilityKeepsThePreviousHolder() {
        // moving the seat to the expert would save 10 but costs a change of 20
        Solution solution = expertAndQualifiedForOneVasList()
                .previous("a1", "qualified")
                .weights(100_000, 10, 0, 0, 0, 20)
                .solve();

        assertThat(staffOf(solution, "a1")).containsExactly("qualified");
        assertThat(solution.breakdown().changes()).isZero();
    }

    @Test
    void withTheDefaultWeightsOneLostCredentialMovesOneAssignmentNotTwo() {
        // the expert lost the VAS credential: the list goes to the other clinician, who then works 12 h against 0 h;
        // handing one of their clinics back would even that out (72 h² down to 8 h²) but cost a second change
        Solution solution = problem()
                .clinician("former-expert").clinician("qualified")
                .credential("qualified", "VAS", Level.QUALIFIED)
                .activity("vas", "2026-12-09T08:00", "2026-12-09T12:00", "VAS")
                .activity("clinic1", "2026-12-10T08:00", "2026-12-10T12:00", null)
                .activity("clinic2", "2026-12-11T08:00", "2026-12-11T12:00", null)
                .previous("vas", "former-expert").previous("clinic1", "qualified").previous("clinic2", "qualified")
                .withDefaultWeights()
                .solve();

        assertThat(staffOf(solution, "vas")).containsExactly("qualified");
        assertThat(solution.breakdown().counts().changes()).isEqualTo(1);
    }

    @Test
    void aPreviousAssignmentThatCanNoLongerBeKeptCountsAsAChange() {
        Solution solution = expertAndQualifiedForOneVasList()
                .previous("a1", "qualified")
                .absence("qualified", "2026-12-07T00:00", "2026-12-08T00:00")
                .weights(100_000, 10, 0, 0, 0, 20)
                .solve();

        assertThat(staffOf(solution, "a1")).containsExactly("expert");
        assertThat(solution.breakdown().counts().changes()).isEqualTo(1);
        assertThat(solution.breakdown().changes()).isEqualTo(20);
    }

    @Test
    void theObjectiveIsTheSumOfTheBreakdown() {
        Solution solution = expertAndQualifiedForOneVasList()
                .activity("a2", "2026-12-07T08:00", "2026-12-07T12:00", "VAS", 3, Level.QUALIFIED)
                .preference("qualified", "2026-12-07", PreferenceKind.DESIRED)
                .previous("a1", "qualified")
                .solve();

        assertThat(solution.objective()).isEqualTo(solution.breakdown().total());
        assertThat(solution.bestBound()).isEqualTo(solution.objective());
    }
}
