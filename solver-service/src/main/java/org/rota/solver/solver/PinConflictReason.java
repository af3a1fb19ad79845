package org.rota.solver.solver;

public enum PinConflictReason {
    UNKNOWN_ACTIVITY,
    UNKNOWN_CLINICIAN,
    /** The clinician may not staff the activity at all (inactive, no valid credential, level, absence, busy). */
    NOT_ELIGIBLE,
    /** More pins than seats on one activity. */
    MORE_PINS_THAN_SEATS,
    OVERLAPPING_ACTIVITY,
    MINIMUM_REST,
    /** The duty period (work without minimum rest between) would last longer than maxDutyMinutes. */
    DUTY_LENGTH,
    MAX_ACTIVITIES_PER_DAY,
    WEEKLY_MINUTES,
    CREDENTIAL_MAX_PER_WEEK
}
