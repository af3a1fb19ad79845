package org.rota.solver.mapping;

import java.util.List;

import org.rota.events.CredentialLevel;
import org.rota.events.SeatGroup;
import org.rota.solver.solver.Level;
import org.rota.solver.solver.Seat;

/** Seat groups and levels between the event contract and the solver's records (same names on both sides). */
public final class SeatMapper {

    public static List<Seat> toSolver(List<SeatGroup> groups) {
        return groups.stream().map(g -> new Seat(toSolver(g.minimumLevel()), g.count(), g.optional())).toList();
    }

    public static List<SeatGroup> toEvents(List<Seat> seats) {
        return seats.stream().map(s -> new SeatGroup(toEvents(s.minimumLevel()), s.count(), s.optional())).toList();
    }

    public static Level toSolver(CredentialLevel level) {
        return level == null ? null : Level.valueOf(level.name());
    }

    public static CredentialLevel toEvents(Level level) {
        return level == null ? null : CredentialLevel.valueOf(level.name());
    }

    private SeatMapper() {
    }
}
