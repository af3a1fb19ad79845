package org.rota.solver.solver;

/**
 * The objective term by term, each already multiplied by its weight; {@code desiredDays} is a reward and therefore
 * zero or negative. {@link #total()} equals the solution's objective. {@code counts} holds the unweighted quantities.
 */
public record ObjectiveBreakdown(long unfilledSeats, long unfilledOptionalSeats, long qualifiedInsteadOfExpert,
                                 long undesiredDays, long desiredDays, long fairness, long changes, Counts counts) {

    /**
     * Unweighted: required and optional seats left empty, QUALIFIED holders in QUALIFIED seats where an EXPERT was
     * eligible and the activity has no EXPERT seat group, minutes worked on undesired and desired days, the sum of
     * squared deviations of normalised load from the fair share in hour² (see {@link Fairness}), previous assignments
     * dropped.
     */
    public record Counts(long unfilledSeats, long unfilledOptionalSeats, long qualifiedInsteadOfExpert,
                         long undesiredMinutes, long desiredMinutes, long fairnessSquaredHours, long changes) {
    }

    public long total() {
        return unfilledSeats + unfilledOptionalSeats + qualifiedInsteadOfExpert + undesiredDays + desiredDays + fairness
                + changes;
    }
}
