package org.rota.solver.solver;

/**
 * Objective weights. {@code unfilledSeat} per seat; {@code qualifiedInsteadOfExpert}, {@code undesiredDay} and
 * {@code desiredDay} (a reward) per assignment; {@code fairness} per hour of spread of fte-normalised load;
 * {@code change} per dropped assignment of the previous allocation. A null field takes the default on merge.
 */
public record Weights(Long unfilledSeat, Long qualifiedInsteadOfExpert, Long undesiredDay, Long desiredDay,
                      Long fairness, Long change) {

    public Weights {
        requireNonNegative(unfilledSeat, "unfilledSeat");
        requireNonNegative(qualifiedInsteadOfExpert, "qualifiedInsteadOfExpert");
        requireNonNegative(undesiredDay, "undesiredDay");
        requireNonNegative(desiredDay, "desiredDay");
        requireNonNegative(fairness, "fairness");
        requireNonNegative(change, "change");
    }

    public static Weights defaults() {
        return new Weights(100_000L, 10L, 5L, 5L, 1L, 20L);
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
                change != null ? change : base.change);
    }

    private static void requireNonNegative(Long weight, String name) {
        Checks.require(weight == null || weight >= 0, "options.weights." + name, "must not be negative");
    }
}
