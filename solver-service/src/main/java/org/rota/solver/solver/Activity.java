package org.rota.solver.solver;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An activity to staff. Without {@code procedureCode} any active clinician may staff it. Its seats are either spelled
 * out as {@code seats} (at most one group per level) or given by the shorthand {@code requiredClinicians} (omitted:
 * one) and {@code minimumLevel} (omitted: QUALIFIED), which means the one group {@code Seat(minimumLevel,
 * requiredClinicians, false)}; with both, the shorthand must be what the seats reduce to ({@link #requiredSeats},
 * {@link #lowestRequiredLevel}), as in activity-service. {@link #seats()} always holds
 * the groups, the shorthand fields stay null when only seats were given. {@code traineesPerSupervisor}: at most that
 * many trainees per clinician in a non-trainee seat (null: the solver's option, 0: no trainees).
 */
public record Activity(String id, Instant start, Instant end, String procedureCode, Integer requiredClinicians,
                       Level minimumLevel, String title, String location, List<Seat> seats,
                       Integer traineesPerSupervisor) {

    public Activity {
        Checks.require(id != null && !id.isBlank(), "activities[].id", "is required");
        Checks.require(start != null, "activities[].start", "is required for " + id);
        Checks.require(end != null, "activities[].end", "is required for " + id);
        Checks.require(end.isAfter(start), "activities[].end", "must be after start for " + id);
        Checks.require(requiredClinicians == null || requiredClinicians >= 1, "activities[].requiredClinicians",
                "must be at least 1 for " + id);
        Checks.require(traineesPerSupervisor == null || traineesPerSupervisor >= 0,
                "activities[].traineesPerSupervisor", "must not be negative for " + id);
        if (seats == null) {
            requiredClinicians = requiredClinicians == null ? 1 : requiredClinicians;
            minimumLevel = minimumLevel == null ? Level.QUALIFIED : minimumLevel;
            seats = List.of(new Seat(minimumLevel, requiredClinicians, false));
        } else {
            Checks.require(!seats.isEmpty(), "activities[].seats", "must not be empty for " + id);
            Set<Level> levels = new HashSet<>();
            for (Seat seat : seats) {
                Checks.require(seat != null, "activities[].seats", "must not contain null for " + id);
                Checks.require(levels.add(seat.minimumLevel()), "activities[].seats",
                        "has two groups of level " + seat.minimumLevel() + " for " + id);
            }
            seats = List.copyOf(seats);
            Checks.require((requiredClinicians == null || requiredClinicians == requiredSeats(seats))
                            && (minimumLevel == null || minimumLevel == lowestRequiredLevel(seats)),
                    "activities[].seats", "ask for " + requiredSeats(seats) + " required seat(s) of at least "
                            + lowestRequiredLevel(seats) + ", which disagrees with requiredClinicians/minimumLevel for "
                            + id + ": give one or the other");
        }
    }

    /**
     * The shorthand's {@code requiredClinicians} of these groups: the seats that must be filled. With
     * {@link #lowestRequiredLevel}, what activity-service publishes beside the seats (events' {@code SeatGroup} has the
     * same two rules; SeatShorthandParityTest proves they agree), so a representation read there is accepted here.
     */
    public static int requiredSeats(List<Seat> seats) {
        return seats.stream().filter(seat -> !seat.optional()).mapToInt(Seat::count).sum();
    }

    /** The shorthand's {@code minimumLevel} of these groups: the lowest level among the required ones (null if none). */
    public static Level lowestRequiredLevel(List<Seat> seats) {
        return seats.stream().filter(seat -> !seat.optional()).map(Seat::minimumLevel).min(Enum::compareTo)
                .orElse(null);
    }

    /** The shorthand: {@code requiredClinicians} seats at {@code minimumLevel}. */
    public Activity(String id, Instant start, Instant end, String procedureCode, Integer requiredClinicians,
                    Level minimumLevel, String title, String location) {
        this(id, start, end, procedureCode, requiredClinicians, minimumLevel, title, location, null, null);
    }

    public Activity(String id, Instant start, Instant end, String procedureCode, int requiredClinicians,
                    Level minimumLevel) {
        this(id, start, end, procedureCode, requiredClinicians, minimumLevel, null, null);
    }

    /** All seats of all groups, optional ones included. */
    public int seatCount() {
        return seats.stream().mapToInt(Seat::count).sum();
    }

    /** The group of that level, or null. */
    public Seat seat(Level level) {
        for (Seat seat : seats) {
            if (seat.minimumLevel() == level) {
                return seat;
            }
        }
        return null;
    }
}
