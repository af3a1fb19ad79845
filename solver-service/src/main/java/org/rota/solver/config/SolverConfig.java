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
    @WithDefault("300ms")
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
    @WithDefault("1.5")
    double resolveTimeLimitSeconds();

    @WithDefault("2")
    int workers();

    @WithDefault("0")
    int seed();

    @WithDefault("0")
    int minRestMinutes();

    @WithDefault("2")
    int maxActivitiesPerDay();

    Weights weights();

    interface Weights {
        @WithDefault("100000")
        long unfilledSeat();

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
