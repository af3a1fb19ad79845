package org.rota.solver.solver;

/**
 * Why a clinician does (not) serve an activity. The rules come in the order they are checked: the first that fails is
 * the verdict. INACTIVE to BUSY_ELSEWHERE are eligibility, REST to WEEKLY_PROCEDURE_CAP the working-time rules of
 * {@link HardRules}, judged against the clinician's fixed work and their other assignments, NO_SUPERVISOR the
 * supervision rule, judged against the activity's other assignments.
 */
public enum Verdict {
    /** The clinician is assigned to the activity in the solution given. */
    ASSIGNED,
    /** No solution given, and nothing stops the clinician. */
    ELIGIBLE,
    /** Nothing stops the clinician, but the solution gave the seat to someone else (the cost says what it saved). */
    ELIGIBLE_NOT_CHOSEN,
    INACTIVE,
    NO_CREDENTIAL,
    CREDENTIAL_EXPIRED_OR_SUSPENDED,
    /** The clinician's level fits none of the activity's seat groups (a trainee for EXPERT/QUALIFIED seats only). */
    LEVEL_TOO_LOW,
    /** The activity's only seats for this level are TRAINEE seats, and the clinician is not a trainee. */
    NOT_A_TRAINEE,
    ABSENT,
    /** Fixed work outside the problem, or another assignment of the solution, overlaps the activity. */
    BUSY_ELSEWHERE,
    /** Less than the minimum rest from other work, and together they would make too long a duty period. */
    REST,
    /** The duty period (the chain of work without minimum rest between) would last longer than maxDutyMinutes. */
    DUTY_LENGTH,
    /** maxActivitiesPerDay already start on that day. */
    DAILY_LIMIT,
    /** The ISO week's minutes would exceed fte × the weekly cap. */
    WEEKLY_CAP,
    /** The ISO week's activities of the procedure would exceed the credential's maxPerWeek. */
    WEEKLY_PROCEDURE_CAP,
    /** A trainee whom the clinicians in the activity's non-trainee seats cannot supervise (traineesPerSupervisor). */
    NO_SUPERVISOR;

    /** True for a rule that stops the clinician (neither ASSIGNED, ELIGIBLE nor ELIGIBLE_NOT_CHOSEN). */
    public boolean blocks() {
        return compareTo(INACTIVE) >= 0;
    }
}
