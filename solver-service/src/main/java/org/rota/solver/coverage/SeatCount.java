package org.rota.solver.coverage;

import org.rota.solver.solver.Activity;
import org.rota.solver.solver.Level;
import org.rota.solver.solver.Seat;

/**
 * How many of an activity's required seats a set of holders can fill at once: EXPERT seats take experts, QUALIFIED
 * seats qualified holders and the experts left over (the seat rule of {@link Level#fits}), TRAINEE seats trainees, at
 * most {@code traineesPerSupervisor} per non-trainee holder present (in a required or an optional seat). Holders are
 * counted per kind: {@code [experts, qualified, trainees]}; a holder without level (no procedure) counts as an expert.
 */
final class SeatCount {

    static final int EXPERT = 0;
    static final int QUALIFIED = 1;
    static final int TRAINEE = 2;

    private final int[] required = new int[3];
    private int optionalNonTrainee;
    private final int traineesPerSupervisor;

    SeatCount(Activity activity, int traineesPerSupervisor) {
        this.traineesPerSupervisor = traineesPerSupervisor;
        for (Seat seat : activity.seats()) {
            int kind = kind(seat.minimumLevel());
            if (!seat.optional()) {
                required[kind] += seat.count();
            } else if (kind != TRAINEE) {
                optionalNonTrainee += seat.count();
            }
        }
    }

    static int kind(Level level) {
        return level == null || level == Level.EXPERT ? EXPERT : level == Level.QUALIFIED ? QUALIFIED : TRAINEE;
    }

    int requiredSeats() {
        return required[EXPERT] + required[QUALIFIED] + required[TRAINEE];
    }

    /** Whether a holder of this level fits one of the required seat groups. */
    boolean fitsRequired(Level level) {
        int kind = kind(level);
        return kind == TRAINEE ? required[TRAINEE] > 0 : required[EXPERT] + required[QUALIFIED] > 0
                && (kind == EXPERT || required[QUALIFIED] > 0);
    }

    int fillable(int[] holders) {
        int experts = Math.min(holders[EXPERT], required[EXPERT]);
        int qualified = Math.min(required[QUALIFIED], holders[QUALIFIED] + holders[EXPERT] - experts);
        int leftOver = holders[EXPERT] + holders[QUALIFIED] - experts - qualified;
        long supervisors = experts + qualified + Math.min(leftOver, optionalNonTrainee);
        int trainees = (int) Math.min(Math.min(holders[TRAINEE], required[TRAINEE]), traineesPerSupervisor * supervisors);
        return experts + qualified + trainees;
    }

    /** The risk of these holders, or null when the seats are safely covered. */
    Risk risk(int[] holders) {
        int seats = requiredSeats();
        if (fillable(holders) < seats) {
            return Risk.UNCOVERABLE;
        }
        for (int kind = 0; kind < 3; kind++) {
            if (holders[kind] > 0) {
                holders[kind]--;
                int without = fillable(holders);
                holders[kind]++;
                if (without < seats) {
                    return Risk.NO_SPARE;
                }
            }
        }
        return null;
    }

    static int[] plus(int[] holders, Level level) {
        int[] more = holders.clone();
        more[kind(level)]++;
        return more;
    }
}
