package org.rota.solver.solver;

/**
 * The objective term by term, each already multiplied by its weight; {@code desiredDays} is a reward and therefore
 * zero or negative. {@link #total()} equals the solution's objective. {@code counts} holds the unweighted quantities.
 */
public record ObjectiveBreakdown(long unfilledSeats, long qualifiedInsteadOfExpert, long undesiredDays,
                                 long desiredDays, long fairness, long changes, Counts counts) {

    /**
     * Unweighted: seats left empty, QUALIFIED assignments where an EXPERT was eligible, assignments on undesired and
     * desired days, the spread of fte-normalised load in whole hours (rounded up), previous assignments dropped.
     */
    public record Counts(long unfilledSeats, long qualifiedInsteadOfExpert, long undesiredDays, long desiredDays,
                         long fairnessSpreadHours, long changes) {
    }

    public long total() {
        return unfilledSeats + qualifiedInsteadOfExpert + undesiredDays + desiredDays + fairness + changes;
    }
}
