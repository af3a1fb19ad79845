package org.rota.solver.solver;

/**
 * Credential level; declaration order is the ranking (EXPERT outranks QUALIFIED, which outranks TRAINEE). A TRAINEE
 * holds a credential to perform the procedure under supervision only: they serve in TRAINEE seats and nowhere else.
 */
public enum Level {
    TRAINEE,
    QUALIFIED,
    EXPERT;

    public boolean atLeast(Level minimum) {
        return compareTo(minimum) >= 0;
    }

    /**
     * The one rule saying which holder may fill which seat: an EXPERT seat takes an EXPERT; a QUALIFIED seat a
     * QUALIFIED or an EXPERT; a TRAINEE seat a TRAINEE only.
     */
    public boolean fits(Level seat) {
        return seat == TRAINEE ? this == TRAINEE : this != TRAINEE && atLeast(seat);
    }

    /**
     * {@link #fits} for a holder whose level may be unknown: without a procedure there is no credential to judge by,
     * so any clinician fits the EXPERT and QUALIFIED seats and, as nobody is known to be a trainee, none the TRAINEE seats.
     */
    static boolean holderFits(Level holder, Level seat) {
        return holder == null ? seat != TRAINEE : holder.fits(seat);
    }
}
