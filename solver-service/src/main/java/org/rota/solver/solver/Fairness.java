package org.rota.solver.solver;

import java.util.Arrays;

/**
 * The fairness term, defined once for the model, the evaluator and the local search: the sum, over the clinicians
 * eligible for something in the window, of the squared deviation of their load from their fair share, in hour².
 * <p>
 * A load is the clinician's minutes ÷ fte ÷ the share of the window's working time they are available
 * ({@link Instance#normalisedMinutes}), so a clinician back from four days' leave is measured against what they could
 * have worked. The fair share is the same for everyone: the minutes of every seat someone could fill ÷ the counted
 * clinicians' summed capacity (fte × availability), i.e. the load each would carry if the window's work were spread in
 * proportion to capacity. It is the mean load of an even allocation, but unlike the mean of the allocation at hand it
 * does not move when one assignment moves: each clinician's term then depends on their own load only, which gives the
 * model a tight LP bound and the local search an O(1) price per move. (Against a moving mean, Σ (L − T)² =
 * Σ (L − mean)² + n (mean − T)²: the difference is a small pull of the total load towards the work to be done.)
 * <p>
 * Exact integers, the same everywhere: with n clinicians, fair total F = round(n × fair share) and load L (minutes),
 * the deviation is {@code D = n·L − F} in units of 1/n minute. The square of h = D / (60n) hours is interpolated between
 * whole hours (exact at every whole hour, convex), and beyond ±{@link #EXACT_HOURS} it grows linearly along the last
 * piece, so one part-timer's outlying load neither dominates the term nor outweighs an unfilled seat. Per clinician the
 * value is kept scaled by 60n (an integer); the term is their sum ÷ 60n, rounded up.
 */
final class Fairness {

    /** Deviations up to this many hours are squared exactly (at whole hours); beyond, the cost grows linearly. */
    static final int EXACT_HOURS = 24;
    /** The steepest piece: one more hour of deviation costs at most this many hour². */
    static final int MAX_SLOPE = 2 * EXACT_HOURS - 1;

    /** Per clinician, their place in the term, or -1 when they are not counted (or the term has fewer than two). */
    private final int[] place;
    /** The number of counted clinicians, n (0 when fewer than two are eligible for anything: no term). */
    final int counted;
    /** n × the fair share, in normalised minutes. */
    final long fairTotal;

    private Fairness(int[] place, int counted, long fairTotal) {
        this.place = place;
        this.counted = counted;
        this.fairTotal = fairTotal;
    }

    /** The term of a window: who counts, and the fair share of its work. */
    static Fairness of(Instance instance, Eligibility eligibility) {
        int[] place = new int[instance.clinicianCount()];
        int counted = 0;
        double capacity = 0;
        for (int c = 0; c < place.length; c++) {
            place[c] = eligibility.clinicianHasAnyPair(c) ? counted++ : -1;
            if (place[c] >= 0) {
                capacity += instance.loadDivisor[c];
            }
        }
        if (counted < 2) {
            Arrays.fill(place, -1);
            return new Fairness(place, 0, 0);
        }
        long demand = 0;
        for (int a = 0; a < instance.activityCount(); a++) {
            demand += (long) instance.minutes[a] * Math.min(instance.required[a], eligibility.byActivity[a].length);
        }
        return new Fairness(place, counted, Math.round(counted * (demand / capacity)));
    }

    boolean counts(int c) {
        return place[c] >= 0;
    }

    /** The deviation of a counted clinician with this load from the fair share, scaled by n. */
    long deviation(long load) {
        return counted * load - fairTotal;
    }

    /** 60n × the interpolated square of a counted clinician's deviation at this load. */
    long scaledTerm(long load) {
        return scaledSquare(deviation(load), counted);
    }

    /** The term in hour² from the sum of the counted clinicians' {@link #scaledTerm}s. */
    long squaredHours(long scaledSum) {
        return counted == 0 ? 0 : ceilDiv(scaledSum, unit());
    }

    /** The term in hour² for every clinician's load (minutes, normalised; uncounted clinicians are skipped). */
    long squaredHoursOf(long[] loadByClinician) {
        long sum = 0;
        for (int c = 0; c < loadByClinician.length; c++) {
            if (counts(c)) {
                sum += scaledTerm(loadByClinician[c]);
            }
        }
        return squaredHours(sum);
    }

    /** The scale of {@link #scaledTerm}: 60n. */
    long unit() {
        return 60L * counted;
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

    static long ceilDiv(long value, long divisor) {
        return -Math.floorDiv(-value, divisor);
    }
}
