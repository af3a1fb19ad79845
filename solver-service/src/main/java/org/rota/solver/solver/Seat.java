package org.rota.solver.solver;

/**
 * A group of {@code count} seats of an activity that take holders fitting {@code minimumLevel} ({@link Level#fits}).
 * An {@code optional} seat left empty costs {@code unfilledOptionalSeat} instead of {@code unfilledSeat}.
 */
public record Seat(Level minimumLevel, int count, boolean optional) {

    public Seat {
        Checks.require(minimumLevel != null, "activities[].seats[].minimumLevel", "is required");
        Checks.require(count >= 1, "activities[].seats[].count", "must be at least 1 but was " + count);
    }

    /** Whether a holder of this level (null: an activity without procedure) may fill these seats. */
    public boolean takes(Level holder) {
        return Level.holderFits(holder, minimumLevel);
    }
}
