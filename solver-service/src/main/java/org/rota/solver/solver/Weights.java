package org.rota.solver.solver;

/**
 * Objective weights. {@code unfilledSeat} per empty seat, {@code unfilledOptionalSeat} per empty optional seat;
 * {@code qualifiedInsteadOfExpert} per assignment; {@code undesiredDay} and {@code desiredDay} (a reward) per hour of
 * the activity on that day; {@code fairness} per hour² of the squared deviations of normalised load from the fair
 * share ({@link Fairness});
 * {@code change} per dropped assignment of the previous allocation. A null field takes the default on merge.
 * <p>
 * The optional seat's default, 1,000, sits far below an unfilled required seat (100,000) and above what a scheduler
 * would let one preference or a usual fairness difference buy: a trainee's place beats an undesired 13-hour day (65) or
 * taking a 4-hour list off a clinician 10 hours above the fair share (fairness ~100), but not a qualified operator in a
 * required seat.
 * <p>
 * {@code change} (100) is set against the squared fairness: a re-solve after one event moves one assignment to even out
 * a week of 12 h against 0 h (72 h² down to 8 h²), but no second one, so a small event keeps a small diff.
 */
public record Weights(Long unfilledSeat, Long qualifiedInsteadOfExpert, Long undesiredDay, Long desiredDay,
                      Long fairness, Long change, Long unfilledOptionalSeat) {

    public Weights {
        requireNonNegative(unfilledSeat, "unfilledSeat");
        requireNonNegative(qualifiedInsteadOfExpert, "qualifiedInsteadOfExpert");
        requireNonNegative(undesiredDay, "undesiredDay");
        requireNonNegative(desiredDay, "desiredDay");
        requireNonNegative(fairness, "fairness");
        requireNonNegative(change, "change");
        requireNonNegative(unfilledOptionalSeat, "unfilledOptionalSeat");
    }

    /** The weights as they were before optional seats: {@code unfilledOptionalSeat} takes the default on merge. */
    public Weights(Long unfilledSeat, Long qualifiedInsteadOfExpert, Long undesiredDay, Long desiredDay, Long fairness,
                   Long change) {
        this(unfilledSeat, qualifiedInsteadOfExpert, undesiredDay, desiredDay, fairness, change, null);
    }

    public static Weights defaults() {
        return new Weights(100_000L, 10L, 5L, 5L, 1L, 100L, 1_000L);
    }

    /** This, with each omitted weight taken from {@code base}. */
    public Weights orElse(Weights base) {
        if (base == null) {
            return this;
        }
        return new Weights(
                unfilledSeat != null ? unfilledSeat : base.unfilledSeat,
                qualifiedInsteadOfExpert != null ? qualifiedInsteadOfExpert : base.qualifiedInsteadOfExpert,
                undesiredDay != null ? undesiredDay : base.undesiredDay,
                desiredDay != null ? desiredDay : base.desiredDay,
                fairness != null ? fairness : base.fairness,
                change != null ? change : base.change,
                unfilledOptionalSeat != null ? unfilledOptionalSeat : base.unfilledOptionalSeat);
    }

    /** The cost of one empty seat of a group. */
    long unfilled(Seat seat) {
        return seat.optional() ? unfilledOptionalSeat : unfilledSeat;
    }

    private static void requireNonNegative(Long weight, String name) {
        Checks.require(weight == null || weight >= 0, "options.weights." + name, "must not be negative");
    }
}
