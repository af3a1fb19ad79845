package org.rota.solver.solver;

/**
 * The fairness term, defined once: the sum over the clinicians eligible for something in the window of the squared
 * deviation of their load from the mean load, in hour². A load is the clinician's minutes ÷ fte ÷ the share of the
 * window's working time they are available ({@link Instance#normalisedMinutes}), so a clinician back from four days'
 * leave is measured against what they could have worked.
 * <p>
 * Exact integers, the same in the model and here: with n clinicians, loads L (minutes) and their total S, the deviation
 * of c is {@code D = n·L − S} in units of 1/n minute. The square of h = D / (60n) hours is interpolated between whole
 * hours (exact at every whole hour, convex, a tight LP bound), and beyond ±{@link #EXACT_HOURS} it grows linearly along
 * the last piece: so one part-timer's outlying load neither dominates the term nor lets it outweigh an unfilled seat.
 * Per clinician the value is kept scaled by 60n (an integer); the term is the sum, divided by 60n, rounded up.
 */
final class Fairness {

    /** Deviations up to this many hours are squared exactly (at whole hours); beyond, the cost grows linearly. */
    static final int EXACT_HOURS = 24;
    /** The steepest piece: one more hour of deviation costs at most this many hour². */
    static final int MAX_SLOPE = 2 * EXACT_HOURS - 1;

    private Fairness() {
    }

    /** The piece of the curve that holds deviation d (scaled as above) for n clinicians: −H..H−1. */
    static int piece(long d, int n) {
        long k = Math.floorDiv(d, 60L * n);
        return (int) Math.max(-EXACT_HOURS, Math.min(EXACT_HOURS - 1, k));
    }

    /** 60n × the interpolated square of d / (60n) hours: the chord of h² over [k, k+1] is (2k+1)h − k(k+1). */
    static long scaledSquare(long d, int n) {
        return line(piece(d, n), d, n);
    }

    /** Piece k's line at d, scaled by 60n; the curve is the largest of the lines, so the model bounds it by all. */
    static long line(int k, long d, int n) {
        return (2L * k + 1) * d - (long) k * (k + 1) * 60L * n;
    }

    /** The term in hour² for the loads of the counted clinicians (minutes, normalised). */
    static long squaredHours(long[] loads) {
        int n = loads.length;
        if (n < 2) {
            return 0;
        }
        long total = 0;
        for (long load : loads) {
            total += load;
        }
        long sum = 0;
        for (long load : loads) {
            sum += scaledSquare(n * load - total, n);
        }
        return ceilDiv(sum, 60L * n);
    }

    static long ceilDiv(long value, long divisor) {
        return -Math.floorDiv(-value, divisor);
    }
}
