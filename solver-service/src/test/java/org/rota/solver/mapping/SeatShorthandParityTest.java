package org.rota.solver.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rota.events.CredentialLevel;
import org.rota.events.SeatGroup;
import org.rota.solver.solver.Activity;
import org.rota.solver.solver.InvalidProblemException;
import org.rota.solver.solver.Seat;

/**
 * activity-service publishes an activity's seats with the shorthand they reduce to (events' {@link SeatGroup} rules);
 * the solver's {@link Activity} has its own copy of those two rules. Over every seat list of up to one group per
 * level (no seat, one, or two; required or optional), both reduce alike, and the solver accepts exactly the shorthand
 * activity-service would send with the seats.
 */
@DisplayName("Seat shorthand: the solver and the event contract agree")
class SeatShorthandParityTest {

    private static final Instant START = Instant.parse("2026-12-07T08:00:00Z");

    @Test
    void everySeatListReducesToTheSameShorthandOnBothSides() {
        for (List<SeatGroup> groups : seatLists()) {
            List<Seat> seats = SeatMapper.toSolver(groups);
            assertThat(Activity.requiredSeats(seats)).as("required seats of %s", groups)
                    .isEqualTo(SeatGroup.requiredSeats(groups));
            assertThat(SeatMapper.toEvents(Activity.lowestRequiredLevel(seats))).as("lowest level of %s", groups)
                    .isEqualTo(SeatGroup.lowestRequiredLevel(groups));
        }
    }

    @Test
    void theSolverAcceptsTheShorthandActivityServiceSendsWithTheSeatsAndNoOther() {
        for (List<SeatGroup> groups : seatLists()) {
            int required = SeatGroup.requiredSeats(groups);
            if (required == 0) {
                continue; // activity-service refuses an activity without a required seat
            }
            CredentialLevel lowest = SeatGroup.lowestRequiredLevel(groups);
            assertThat(activity(groups, required, lowest).seats()).isEqualTo(SeatMapper.toSolver(groups));
            assertThatThrownBy(() -> activity(groups, required + 1, lowest)).as("one seat too many: %s", groups)
                    .isInstanceOf(InvalidProblemException.class);
            for (CredentialLevel other : CredentialLevel.values()) {
                if (other != lowest) {
                    assertThatThrownBy(() -> activity(groups, required, other)).as("%s for %s", other, groups)
                            .isInstanceOf(InvalidProblemException.class);
                }
            }
        }
    }

    private static Activity activity(List<SeatGroup> groups, Integer requiredClinicians, CredentialLevel minimumLevel) {
        return new Activity("a", START, START.plusSeconds(4 * 3600), "VAS", requiredClinicians,
                SeatMapper.toSolver(minimumLevel), null, null, SeatMapper.toSolver(groups), null);
    }

    /** Every non-empty list with at most one group per level: 5 choices per level (none, 1 or 2 seats, required or not). */
    private static List<List<SeatGroup>> seatLists() {
        List<List<SeatGroup>> lists = new ArrayList<>();
        int levels = CredentialLevel.values().length;
        int combinations = (int) Math.pow(5, levels);
        for (int code = 1; code < combinations; code++) {
            List<SeatGroup> groups = new ArrayList<>();
            int rest = code;
            for (CredentialLevel level : CredentialLevel.values()) {
                int choice = rest % 5;
                rest /= 5;
                if (choice > 0) {
                    groups.add(new SeatGroup(level, (choice + 1) / 2, choice % 2 == 0));
                }
            }
            lists.add(groups);
        }
        return lists;
    }
}
