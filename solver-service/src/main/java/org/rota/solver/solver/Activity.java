package org.rota.solver.solver;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An activity to staff. Without {@code procedureCode} any active clinician may staff it. Its seats are either spelled
 * out as {@code seats} (at most one group per level) or given by the shorthand {@code requiredClinicians} (omitted:
 * one) and {@code minimumLevel} (omitted: QUALIFIED), which means the one group {@code Seat(minimumLevel,
 * requiredClinicians, false)}; with both, the shorthand must say exactly that one group. {@link #seats()} always holds
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
            boolean shorthandGiven = requiredClinicians != null || minimumLevel != null;
            Seat only = seats.get(0);
            Checks.require(!shorthandGiven || (seats.size() == 1 && !only.optional()
                            && (requiredClinicians == null || requiredClinicians == only.count())
                            && (minimumLevel == null || minimumLevel == only.minimumLevel())),
                    "activities[].seats", "disagree with requiredClinicians/minimumLevel for " + id
                            + ": give one or the other");
        }
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
