package org.rota.solver.solver;

public enum PinConflictReason {
    UNKNOWN_ACTIVITY,
    UNKNOWN_CLINICIAN,
    /** The clinician may not staff the activity at all (inactive, no valid credential, level, absence, busy). */
    NOT_ELIGIBLE,
    /** More pins than seats on one activity, or than seats the pinned clinicians' levels fit. */
    MORE_PINS_THAN_SEATS,
    OVERLAPPING_ACTIVITY,
    MINIMUM_REST,
    /** The duty period (work without minimum rest between) would last longer than maxDutyMinutes. */
    DUTY_LENGTH,
    MAX_ACTIVITIES_PER_DAY,
    WEEKLY_MINUTES,
    CREDENTIAL_MAX_PER_WEEK,
    /** A trainee pinned without enough clinicians pinned to the activity's non-trainee seats to supervise them. */
    NO_SUPERVISOR
}
