package org.rota.solver.solver;

/**
 * How to solve. Every field may be omitted; {@link #orElse(SolverOptions)} fills the gaps from the service's
 * configured defaults, {@link #defaults()} being the built-in ones.
 * <p>
 * Working-time rules (see {@link HardRules}): activities less than {@code minRestMinutes} apart form one duty period,
 * which may last at most {@code maxDutyMinutes} from its first start to its last end; at most {@code maxActivitiesPerDay}
 * activities start on one day; a clinician without {@code maxMinutesPerWeek} works at most fte ×
 * {@code defaultMaxMinutesPerWeek} minutes per ISO week. {@code traineesPerSupervisor} applies to activities that do
 * not set their own.
 */
public record SolverOptions(Double timeLimitSeconds, Integer workers, Integer seed, Integer minRestMinutes,
                            Integer maxDutyMinutes, Integer maxActivitiesPerDay, Integer defaultMaxMinutesPerWeek,
                            Weights weights, Integer traineesPerSupervisor) {

    /** Trainees one clinician in a non-trainee seat may supervise on an activity that does not say. */
    public static final int DEFAULT_TRAINEES_PER_SUPERVISOR = 2;
    /** 11 h: the EU Working Time Directive's daily rest. */
    public static final int DEFAULT_MIN_REST_MINUTES = 660;
    /** 13 h: the longest a day's work may last when the daily rest is 11 h. */
    public static final int DEFAULT_MAX_DUTY_MINUTES = 780;
    /** 48 h: the Working Time Directive's average weekly limit. */
    public static final int DEFAULT_MAX_MINUTES_PER_WEEK = 2_880;

    public SolverOptions {
        Checks.require(timeLimitSeconds == null || timeLimitSeconds > 0, "options.timeLimitSeconds", "must be positive");
        Checks.require(workers == null || workers >= 1, "options.workers", "must be at least 1");
        Checks.require(minRestMinutes == null || minRestMinutes >= 0, "options.minRestMinutes", "must not be negative");
        Checks.require(maxDutyMinutes == null || maxDutyMinutes >= 1, "options.maxDutyMinutes", "must be at least 1");
        Checks.require(maxActivitiesPerDay == null || maxActivitiesPerDay >= 1, "options.maxActivitiesPerDay",
                "must be at least 1");
        Checks.require(defaultMaxMinutesPerWeek == null || defaultMaxMinutesPerWeek >= 0,
                "options.defaultMaxMinutesPerWeek", "must not be negative");
        Checks.require(traineesPerSupervisor == null || traineesPerSupervisor >= 0, "options.traineesPerSupervisor",
                "must not be negative");
    }

    /** The options as they were before supervision: {@code traineesPerSupervisor} takes the default. */
    public SolverOptions(Double timeLimitSeconds, Integer workers, Integer seed, Integer minRestMinutes,
                         Integer maxDutyMinutes, Integer maxActivitiesPerDay, Integer defaultMaxMinutesPerWeek,
                         Weights weights) {
        this(timeLimitSeconds, workers, seed, minRestMinutes, maxDutyMinutes, maxActivitiesPerDay,
                defaultMaxMinutesPerWeek, weights, null);
    }

    /** The options as they were before the duty length and the default weekly cap existed: both take the defaults. */
    public SolverOptions(Double timeLimitSeconds, Integer workers, Integer seed, Integer minRestMinutes,
                         Integer maxActivitiesPerDay, Weights weights) {
        this(timeLimitSeconds, workers, seed, minRestMinutes, null, maxActivitiesPerDay, null, weights);
    }

    public static SolverOptions defaults() {
        return new SolverOptions(10.0, 2, 0, DEFAULT_MIN_REST_MINUTES, DEFAULT_MAX_DUTY_MINUTES, 2,
                DEFAULT_MAX_MINUTES_PER_WEEK, Weights.defaults(), DEFAULT_TRAINEES_PER_SUPERVISOR);
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
                maxDutyMinutes != null ? maxDutyMinutes : base.maxDutyMinutes,
                maxActivitiesPerDay != null ? maxActivitiesPerDay : base.maxActivitiesPerDay,
                defaultMaxMinutesPerWeek != null ? defaultMaxMinutesPerWeek : base.defaultMaxMinutesPerWeek,
                weights != null ? weights.orElse(base.weights) : base.weights,
                traineesPerSupervisor != null ? traineesPerSupervisor : base.traineesPerSupervisor);
    }

    /**
     * Throws {@link InvalidProblemException} naming the weight when these (complete) options' weights could overflow
     * the objective of a problem within {@link WeightSafety}'s limits, or let another term outweigh an unfilled seat.
     * For the service's start-up check; every solve also checks its own problem exactly.
     */
    public void requireSafeWeights() {
        WeightSafety.requireSafe(orElse(defaults()));
    }

    public SolverOptions withTimeLimitSeconds(double seconds) {
        return new SolverOptions(seconds, workers, seed, minRestMinutes, maxDutyMinutes, maxActivitiesPerDay,
                defaultMaxMinutesPerWeek, weights, traineesPerSupervisor);
    }

    public SolverOptions withWorkers(int count) {
        return new SolverOptions(timeLimitSeconds, count, seed, minRestMinutes, maxDutyMinutes, maxActivitiesPerDay,
                defaultMaxMinutesPerWeek, weights, traineesPerSupervisor);
    }

    public SolverOptions withMinRestMinutes(int minutes) {
        return new SolverOptions(timeLimitSeconds, workers, seed, minutes, maxDutyMinutes, maxActivitiesPerDay,
                defaultMaxMinutesPerWeek, weights, traineesPerSupervisor);
    }

    public SolverOptions withMaxDutyMinutes(int minutes) {
        return new SolverOptions(timeLimitSeconds, workers, seed, minRestMinutes, minutes, maxActivitiesPerDay,
                defaultMaxMinutesPerWeek, weights, traineesPerSupervisor);
    }

    public SolverOptions withMaxActivitiesPerDay(int count) {
        return new SolverOptions(timeLimitSeconds, workers, seed, minRestMinutes, maxDutyMinutes, count,
                defaultMaxMinutesPerWeek, weights, traineesPerSupervisor);
    }

    public SolverOptions withDefaultMaxMinutesPerWeek(int minutes) {
        return new SolverOptions(timeLimitSeconds, workers, seed, minRestMinutes, maxDutyMinutes, maxActivitiesPerDay,
                minutes, weights, traineesPerSupervisor);
    }

    public SolverOptions withTraineesPerSupervisor(int trainees) {
        return new SolverOptions(timeLimitSeconds, workers, seed, minRestMinutes, maxDutyMinutes, maxActivitiesPerDay,
                defaultMaxMinutesPerWeek, weights, trainees);
    }

    public SolverOptions withWeights(Weights replacement) {
        return new SolverOptions(timeLimitSeconds, workers, seed, minRestMinutes, maxDutyMinutes, maxActivitiesPerDay,
                defaultMaxMinutesPerWeek, replacement, traineesPerSupervisor);
    }
}
