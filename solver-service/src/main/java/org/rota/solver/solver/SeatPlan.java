package org.rota.solver.solver;

/**
 * The seat rules of one activity, defined once for the model, the ledger, the evaluator and the explanations. Holders
 * come in three kinds by level: trainees fit only the TRAINEE group, QUALIFIED holders only the QUALIFIED group, EXPERT
 * holders (and, without a procedure, everyone) the EXPERT or the QUALIFIED group ({@link Level#fits}). So which
 * clinician fills which seat only matters through how many experts sit in EXPERT seats, and a set of holders is:
 * <ul>
 *   <li>seatable when {@code q ≤ Q}, {@code t ≤ T} and {@code e + q ≤ E + Q} (e, q, t: experts, qualified, trainees;
 *   E, Q, T: the groups' counts, 0 for a missing group);</li>
 *   <li>supervised when {@code t ≤ traineesPerSupervisor × (e + q)}: everyone outside TRAINEE seats supervises;</li>
 *   <li>seated at the least cost: experts go first to whichever of the EXPERT and QUALIFIED groups costs more to leave
 *   empty (the EXPERT group on a tie), the rest to the other.</li>
 * </ul>
 */
final class SeatPlan {

    static final int EXPERT = 0;
    static final int QUALIFIED = 1;
    static final int TRAINEE = 2;

    final Seat[] groups = new Seat[3];
    final int[] count = new int[3];
    final long[] weight = new long[3];
    final int traineesPerSupervisor;
    /** Whether experts fill the EXPERT group before the QUALIFIED one. */
    private final boolean expertSeatsFirst;

    SeatPlan(Activity activity, Weights weights, int defaultTraineesPerSupervisor) {
        for (Seat seat : activity.seats()) {
            int kind = kind(seat.minimumLevel());
            groups[kind] = seat;
            count[kind] = seat.count();
            weight[kind] = weights.unfilled(seat);
        }
        traineesPerSupervisor = activity.traineesPerSupervisor() != null ? activity.traineesPerSupervisor()
                : defaultTraineesPerSupervisor;
        expertSeatsFirst = weight[EXPERT] >= weight[QUALIFIED];
    }

    /** The kind of a seat group or of a holder: EXPERT, QUALIFIED or TRAINEE; a holder without level counts as EXPERT. */
    static int kind(Level level) {
        return level == null || level == Level.EXPERT ? EXPERT : level == Level.QUALIFIED ? QUALIFIED : TRAINEE;
    }

    static Level level(int kind) {
        return kind == EXPERT ? Level.EXPERT : kind == QUALIFIED ? Level.QUALIFIED : Level.TRAINEE;
    }

    boolean has(int kind) {
        return groups[kind] != null;
    }

    int seats() {
        return count[EXPERT] + count[QUALIFIED] + count[TRAINEE];
    }

    /** Holders given as counts per kind ({@code holders[EXPERT]} experts...). */
    boolean seatable(int[] holders) {
        return holders[QUALIFIED] <= count[QUALIFIED] && holders[TRAINEE] <= count[TRAINEE]
                && holders[EXPERT] + holders[QUALIFIED] <= count[EXPERT] + count[QUALIFIED];
    }

    boolean supervised(int[] holders) {
        return holders[TRAINEE] <= (long) traineesPerSupervisor * (holders[EXPERT] + holders[QUALIFIED]);
    }

    /** How many of the experts sit in EXPERT seats, for seatable holders. */
    int expertsInExpertSeats(int[] holders) {
        int experts = holders[EXPERT];
        int roomInQualified = count[QUALIFIED] - holders[QUALIFIED];
        return expertSeatsFirst ? Math.min(experts, count[EXPERT]) : Math.max(0, experts - roomInQualified);
    }

    /** Empty seats per group kind (for holders that are not seatable, what their seatable part leaves empty). */
    int[] empty(int[] holders) {
        int inExpertSeats = Math.min(count[EXPERT], expertsInExpertSeats(holders));
        int[] empty = new int[3];
        empty[EXPERT] = count[EXPERT] - inExpertSeats;
        empty[QUALIFIED] = Math.max(0, count[QUALIFIED] - holders[QUALIFIED] - (holders[EXPERT] - inExpertSeats));
        empty[TRAINEE] = Math.max(0, count[TRAINEE] - holders[TRAINEE]);
        return empty;
    }

    /** The seat of the i-th expert (0-based, in any fixed order) among seatable holders: EXPERT seats come first. */
    Level expertSeat(int i, int[] holders) {
        return i < expertsInExpertSeats(holders) ? Level.EXPERT : Level.QUALIFIED;
    }

    /** The weighted cost of the empty seats, for seatable holders. */
    long emptyCost(int[] holders) {
        int[] empty = empty(holders);
        return empty[EXPERT] * weight[EXPERT] + empty[QUALIFIED] * weight[QUALIFIED] + empty[TRAINEE] * weight[TRAINEE];
    }

    int emptySeats(int[] holders) {
        int[] empty = empty(holders);
        return empty[EXPERT] + empty[QUALIFIED] + empty[TRAINEE];
    }
}
