package org.rota.solver.solver;

/**
 * Keeps the objective meaningful: it must fit CP-SAT's int64 arithmetic with room to spare (and stay exact as the double
 * CP-SAT reports its bound in), and one unfilled seat must cost more than anything the other terms can save by leaving
 * it empty. Filling a seat adds one assignment, which costs at most qualifiedInsteadOfExpert + undesiredDay plus, through
 * fairness, the assignment's fte-normalised hours (a desired day only rewards it, and no previous assignment has to go).
 */
final class WeightSafety {

    /** Largest objective magnitude allowed: 2^53, exact as a double and far from int64's 2^63. */
    static final long MAX_OBJECTIVE = 1L << 53;
    /**
     * Largest weight the start-up check accepts. With it, every problem within the what-if and window limits (≤ 250,000
     * seats, ≤ 1,000,000 pairs) stays below {@link #MAX_OBJECTIVE}.
     */
    static final long MAX_WEIGHT = 1_000_000_000L;
    /** The start-up check's smallest fte: the fairness hours of one maxDutyMinutes activity are judged at this fte. */
    static final double STARTUP_MIN_FTE = 0.1;

    private WeightSafety() {
    }

    /** The problem-independent check of complete options (service start-up). */
    static void requireSafe(SolverOptions options) {
        Weights w = options.weights();
        requireAtMost(w.unfilledSeat(), "unfilledSeat");
        requireAtMost(w.qualifiedInsteadOfExpert(), "qualifiedInsteadOfExpert");
        requireAtMost(w.undesiredDay(), "undesiredDay");
        requireAtMost(w.desiredDay(), "desiredDay");
        requireAtMost(w.fairness(), "fairness");
        requireAtMost(w.change(), "change");
        long hours = (long) Math.ceil(options.maxDutyMinutes() / STARTUP_MIN_FTE / 60.0);
        requireSeatDominates(w, hours);
    }

    /** The exact check of one problem: its own worst-case objective and its longest fte-normalised assignment. */
    static void requireSafe(Instance instance, Eligibility eligibility) {
        Weights w = instance.options.weights();
        long maxHours = 0;
        long maxLoad = 0;
        long[] load = new long[instance.clinicianCount()];
        for (int p = 0; p < eligibility.size; p++) {
            long minutes = instance.normalisedMinutes(eligibility.activity[p], eligibility.clinician[p]);
            maxHours = Math.max(maxHours, (minutes + 59) / 60);
            load[eligibility.clinician[p]] += minutes;
            maxLoad = Math.max(maxLoad, load[eligibility.clinician[p]]);
        }
        requireSeatDominates(w, maxHours);
        long pairs = eligibility.size;
        requireBelow(w.unfilledSeat(), instance.totalSeats, "unfilledSeat");
        requireBelow(w.qualifiedInsteadOfExpert(), pairs, "qualifiedInsteadOfExpert");
        requireBelow(w.undesiredDay(), pairs, "undesiredDay");
        requireBelow(w.desiredDay(), pairs, "desiredDay");
        requireBelow(w.fairness(), (maxLoad + 59) / 60, "fairness");
        requireBelow(w.change(), instance.problem.previous().size(), "change");
        // each term is below MAX_OBJECTIVE / 8, so their sum (and CP-SAT's sums of bounds) stays below MAX_OBJECTIVE
    }

    private static void requireSeatDominates(Weights w, long hoursOfOneAssignment) {
        double traded = (double) w.qualifiedInsteadOfExpert() + w.undesiredDay()
                + (double) w.fairness() * hoursOfOneAssignment;
        Checks.require(w.unfilledSeat() > traded, "options.weights.unfilledSeat", "must exceed qualifiedInsteadOfExpert"
                + " + undesiredDay + fairness × " + hoursOfOneAssignment + " h (the most one assignment can add) = "
                + (long) traded + ", so that an unfilled seat always costs more than filling it, but was "
                + w.unfilledSeat());
    }

    private static void requireAtMost(long weight, String name) {
        Checks.require(weight <= MAX_WEIGHT, "options.weights." + name, "must be at most " + MAX_WEIGHT + " but was "
                + weight);
    }

    private static void requireBelow(long weight, long count, String name) {
        Checks.require(count == 0 || weight <= MAX_OBJECTIVE / 8 / count, "options.weights." + name,
                "is too large: " + weight + " × " + count + " could overflow the objective");
    }
}
