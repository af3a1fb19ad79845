package org.rota.solver.solver;

/** Why seats of an activity stay empty; when several apply the first in declaration order wins. */
public enum UnfilledReason {
    /** A pin of this activity could not be kept. */
    PINNED_CONFLICT,
    /** No active clinician holds any credential for the procedure (or, without a procedure, nobody is active). */
    NO_CREDENTIALED_CLINICIAN,
    /** Holders exist, but none has an ACTIVE credential valid over the activity's dates. */
    CREDENTIAL_EXPIRED_OR_SUSPENDED,
    /**
     * Valid holders exist, but none whose level fits the seat: below an EXPERT or QUALIFIED seat's level (a trainee
     * included), or not a trainee for a TRAINEE seat.
     */
    LEVEL_TOO_LOW,
    /** Clinicians with a sufficient credential exist, but all are on leave. */
    ALL_ELIGIBLE_ABSENT,
    /** Eligible clinicians exist, but other work or the hard rules (rest, caps, overlaps) took their capacity. */
    ALL_ELIGIBLE_BUSY,
    /** Trainees could serve, but the clinicians in the activity's other seats supervise no more of them. */
    NOT_ENOUGH_SUPERVISORS
}
