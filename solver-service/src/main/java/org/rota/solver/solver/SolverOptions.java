package org.rota.solver.solver;

/**
 * How to solve. Every field may be omitted; {@link #orElse(SolverOptions)} fills the gaps from the service's
 * configured defaults, {@link #defaults()} being the built-in ones.
 */
public record SolverOptions(Double timeLimitSeconds, Integer workers, Integer seed, Integer minRestMinutes,
                            Integer maxActivitiesPerDay, Weights weights) {

    public SolverOptions {
        Checks.require(timeLimitSeconds == null || timeLimitSeconds > 0, "options.timeLimitSeconds", "must be positive");
        Checks.require(workers == null || workers >= 1, "options.workers", "must be at least 1");
        Checks.require(minRestMinutes == null || minRestMinutes >= 0, "options.minRestMinutes", "must not be negative");
        Checks.require(maxActivitiesPerDay == null || maxActivitiesPerDay >= 1, "options.maxActivitiesPerDay",
                "must be at least 1");
    }

    public static SolverOptions defaults() {
        return new SolverOptions(10.0, 2, 0, 0, 2, Weights.defaults());
    }

    /** This, with each omitted field (and each omitted weight) taken from {@code base}. */
    public SolverOptions orElse(SolverOptions base) {
        if (base == null) {
            return this;
        }
        return new SolverOptions(
                timeLimitSeconds != null ? timeLimitSeconds : base.timeLimitSeconds,
                workers != null ? workers : base.workers,
                seed != null ? seed : base.seed,
                minRestMinutes != null ? minRestMinutes : base.minRestMinutes,
                maxActivitiesPerDay != null ? maxActivitiesPerDay : base.maxActivitiesPerDay,
                weights != null ? weights.orElse(base.weights) : base.weights);
    }

    public SolverOptions withTimeLimitSeconds(double seconds) {
        return new SolverOptions(seconds, workers, seed, minRestMinutes, maxActivitiesPerDay, weights);
    }

    public SolverOptions withWorkers(int count) {
        return new SolverOptions(timeLimitSeconds, count, seed, minRestMinutes, maxActivitiesPerDay, weights);
    }

    public SolverOptions withMinRestMinutes(int minutes) {
        return new SolverOptions(timeLimitSeconds, workers, seed, minutes, maxActivitiesPerDay, weights);
    }

    public SolverOptions withMaxActivitiesPerDay(int count) {
        return new SolverOptions(timeLimitSeconds, workers, seed, minRestMinutes, count, weights);
    }

    public SolverOptions withWeights(Weights replacement) {
        return new SolverOptions(timeLimitSeconds, workers, seed, minRestMinutes, maxActivitiesPerDay, replacement);
    }
}
