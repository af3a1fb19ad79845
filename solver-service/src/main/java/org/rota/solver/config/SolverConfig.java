package org.rota.solver.config;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Business settings of solver-service: planning windows, solver limits and the weights of the soft rules. */
@ConfigMapping(prefix = "solver")
public interface SolverConfig {

    /** The zone in which days, ISO weeks and credential validity are judged. */
    @WithDefault("Europe/London")
    ZoneId zone();

    /** Names this replica in the solve history; defaults to the host name and process id. */
    java.util.Optional<String> instanceId();

    /** A window is solved once no change has touched it for this long: a burst becomes one solve. */
    @WithDefault("150ms")
    Duration debounce();

    /** ...but no later than this after the first change of the burst. */
    @WithDefault("5s")
    Duration maxDebounce();

    /** Time limit of a window's first solve. */
    @WithDefault("10")
    double timeLimitSeconds();

    /**
     * Time limit of a re-solve, when the window already has an allocation: the warm start is then close to the
     * answer, and a change should show within seconds.
     */
    @WithDefault("1.0")
    double resolveTimeLimitSeconds();

    @WithDefault("2")
    int workers();

    /**
     * The process memory (resident, JVM included) in MB above which CP-SAT stops searching and answers with its best
     * allocation (its {@code max_memory_in_mb}; its own default is 10 GB). Keeps a solving pod below its limit.
     */
    @WithDefault("900")
    int maxMemoryMb();

    @WithDefault("0")
    int seed();

    /** Work less than this apart is one duty period; duty periods are this far apart at least (11 h, EU WTD). */
    @WithDefault("660")
    int minRestMinutes();

    /** The longest a duty period may last, from its first start to its last end. */
    @WithDefault("780")
    int maxDutyMinutes();

    @WithDefault("2")
    int maxActivitiesPerDay();

    /** The full-time weekly cap of a clinician who has none of their own (48 h, EU WTD); the fte scales it. */
    @WithDefault("2880")
    int defaultMaxMinutesPerWeek();

    /** How many trainees one clinician in a non-trainee seat may supervise, on activities that do not say. */
    @WithDefault("2")
    int traineesPerSupervisor();

    /**
     * Activities starting within this many hours keep their published assignees unless one can no longer serve (the
     * change is then urgent); activities that have started never change.
     */
    @WithDefault("48")
    int freezeHours();

    Weights weights();

    /** How a failed solve is tried again: the window stays queued, and its work record unacknowledged, until it succeeds. */
    Retry retry();

    /** How large a window may be before its model is built; beyond it the window is reported TOO_LARGE. */
    WindowBudget windowBudget();

    /** When the solve worker counts as stalled (liveness DOWN). */
    Liveness liveness();

    /** How long allocation versions and solve runs are kept. */
    Retention retention();

    interface Retry {
        @WithDefault("1s")
        Duration initialBackoff();

        /** The backoff doubles after each failure of the same window, up to this. */
        @WithDefault("1m")
        Duration maxBackoff();
    }

    /**
     * A window's estimated heap need (clinicians and eligible pairs, counted in SQL) must fit in a share of the heap
     * the service runs with ({@code Runtime.maxMemory()}); each figure also has an explicit cap.
     */
    interface WindowBudget {
        /** The share of the maximum heap one solve may take; the projection and requests need the rest. */
        @WithDefault("0.4")
        double heapShare();

        /** Heap a clinician costs a solve: read-model rows, credentials, the solver's per-clinician rules. */
        @WithDefault("8192")
        long bytesPerClinician();

        /**
         * Heap an eligible (activity, clinician) pair costs: its variable and its terms in every rule. Measured peak
         * live heap of a solve: 790-850 bytes per pair at 87,000-263,000 pairs (more per pair only in small models).
         */
        @WithDefault("1024")
        long bytesPerEligiblePair();

        @WithDefault("5000")
        int maxActivities();

        @WithDefault("10000")
        int maxClinicians();

        @WithDefault("1000000")
        long maxEligiblePairs();
    }

    interface Liveness {
        /** A solve running longer than its time limit plus this means the worker is stuck. */
        @WithDefault("2m")
        Duration stallGrace();
    }

    interface Retention {
        /** How often old versions and runs are pruned ("off" disables the schedule). */
        @WithDefault("1h")
        String interval();

        /** Allocation versions kept per window; the latest is always kept. */
        @WithDefault("50")
        int allocationVersionsPerWindow();

        /** Older allocation versions are pruned even below the count (never a window's latest). */
        @WithDefault("180d")
        Duration allocationMaxAge();

        @WithDefault("100")
        int solveRunsPerWindow();

        @WithDefault("30d")
        Duration solveRunMaxAge();

        /** Rows deleted per transaction, so that pruning never holds long locks. */
        @WithDefault("1000")
        int batchSize();
    }

    interface Weights {
        @WithDefault("100000")
        long unfilledSeat();

        /** An optional seat (a trainee's place) left empty: far below a required seat, above any preference term. */
        @WithDefault("1000")
        long unfilledOptionalSeat();

        @WithDefault("10")
        long qualifiedInsteadOfExpert();

        @WithDefault("5")
        long undesiredDay();

        @WithDefault("5")
        long desiredDay();

        @WithDefault("1")
        long fairness();

        @WithDefault("20")
        long change();
    }
}
