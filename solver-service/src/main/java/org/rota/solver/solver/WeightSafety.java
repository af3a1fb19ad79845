package org.rota.solver.solver;

/**
 * Keeps the objective meaningful: it must fit CP-SAT's int64 arithmetic with room to spare (and stay exact as the double
 * CP-SAT reports its bound in), and one unfilled (required) seat must cost more than anything the other terms can save
 * by leaving it empty. Filling a seat adds one assignment, which costs at most qualifiedInsteadOfExpert, undesiredDay for
 * each of its hours and, through fairness, {@link #fairnessOfOneAssignment} (a desired day only rewards it, and no
 * previous assignment has to go). Optional seats are meant to be traded, so they are only checked for overflow.
 */
final class WeightSafety {

    /** Largest objective magnitude allowed: 2^53, exact as a double and far from int64's 2^63. */
    static final long MAX_OBJECTIVE = 1L << 53;
    /**
     * Largest weight the start-up check accepts. With it, every problem within the what-if and window limits (≤ 250,000
     * seats, ≤ 1,000,000 pairs) stays below {@link #MAX_OBJECTIVE}.
     */
    static final long MAX_WEIGHT = 1_000_000_000L;

    private WeightSafety() {
    }

    /** The problem-independent check of complete options (service start-up). */
    static void requireSafe(SolverOptions options) {
        Weights w = options.weights();
        requireAtMost(w.unfilledSeat(), "unfilledSeat");
        requireAtMost(w.unfilledOptionalSeat(), "unfilledOptionalSeat");
        requireAtMost(w.qualifiedInsteadOfExpert(), "qualifiedInsteadOfExpert");
        requireAtMost(w.undesiredDay(), "undesiredDay");
        requireAtMost(w.desiredDay(), "desiredDay");
        requireAtMost(w.fairness(), "fairness");
        requireAtMost(w.change(), "change");
        // the longest workable assignment at the smallest load divisor
        long minutes = options.maxDutyMinutes();
        requireSeatDominates(w, minutes, Math.round(minutes / Instance.MIN_LOAD_DIVISOR));
    }

    /** The exact check of one problem: its own worst-case objective and its longest assignment. */
    static void requireSafe(Instance instance, Eligibility eligibility) {
        Weights w = instance.options.weights();
        long maxMinutes = 0;
        long maxNormalised = 0;
        long totalNormalised = 0;
        for (int p = 0; p < eligibility.size; p++) {
            long normalised = instance.normalisedMinutes(eligibility.activity[p], eligibility.clinician[p]);
            maxMinutes = Math.max(maxMinutes, instance.minutes[eligibility.activity[p]]);
            maxNormalised = Math.max(maxNormalised, normalised);
            totalNormalised += normalised;
        }
        requireSeatDominates(w, maxMinutes, maxNormalised);
        long pairs = eligibility.size;
        long maxHours = (maxMinutes + 59) / 60;
        requireBelow(w.unfilledSeat(), instance.totalSeats, "unfilledSeat");
        requireBelow(w.unfilledOptionalSeat(), instance.totalSeats, "unfilledOptionalSeat");
        requireBelow(w.qualifiedInsteadOfExpert(), pairs, "qualifiedInsteadOfExpert");
        requireBelow(w.undesiredDay(), pairs * maxHours, "undesiredDay");
        requireBelow(w.desiredDay(), pairs * maxHours, "desiredDay");
        // the fairness term never exceeds the steepest slope times the sum of |deviations|, Σ |L − share| ≤ Σ L + n·share
        long deviationMinutes = totalNormalised + eligibility.fairness.fairTotal;
        requireBelow(w.fairness(), Fairness.MAX_SLOPE * ((deviationMinutes + 59) / 60) + 1, "fairness");
        requireBelow(w.change(), instance.problem.previous().size(), "change");
        // each term is below MAX_OBJECTIVE / 8, so their sum (and CP-SAT's sums of bounds) stays below MAX_OBJECTIVE
    }

    /**
     * How much one assignment of {@code normalisedMinutes} can raise the fairness count: it moves its holder's
     * deviation from the fair share (no one else's) by its hours, along pieces of slope at most
     * {@link Fairness#MAX_SLOPE}; rounding the sum up adds at most one.
     */
    static long fairnessOfOneAssignment(long normalisedMinutes) {
        return Fairness.ceilDiv(Fairness.MAX_SLOPE * normalisedMinutes, 60) + 1;
    }

    private static void requireSeatDominates(Weights w, long minutes, long normalisedMinutes) {
        long fairness = fairnessOfOneAssignment(normalisedMinutes);
        double traded = (double) w.qualifiedInsteadOfExpert() + Instance.perHour(minutes, w.undesiredDay())
                + (double) w.fairness() * fairness;
        Checks.require(w.unfilledSeat() > traded, "options.weights.unfilledSeat", "must exceed qualifiedInsteadOfExpert"
                + " + undesiredDay × " + minutes + " min + fairness × " + fairness + " h² (the most one assignment can add)"
                + " = " + (long) traded + ", so that an unfilled seat always costs more than filling it, but was "
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
