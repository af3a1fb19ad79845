package org.rota.solver.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rota.solver.config.SolverConfig;
import org.rota.solver.domain.PlanningWindow;

/**
 * What the solve worker is doing, for liveness: a worker that died (an {@link Error} escaped a solve) or one stuck in a
 * solve far beyond its time limit solves nothing more, and only a restart brings it back.
 */
@ApplicationScoped
public class SolveWorkerHeartbeat {

    private final Duration stallAfter;
    private String window;
    private Instant since;
    private String death;

    @Inject
    SolveWorkerHeartbeat(SolverConfig config) {
        this(Duration.ofMillis((long) (1000 * Math.max(config.timeLimitSeconds(), config.resolveTimeLimitSeconds())))
                .plus(config.liveness().stallGrace()));
    }

    SolveWorkerHeartbeat(Duration stallAfter) {
        this.stallAfter = stallAfter;
    }

    public synchronized void solving(PlanningWindow window, Instant now) {
        this.window = window.id();
        this.since = now;
    }

    public synchronized void idle() {
        this.window = null;
        this.since = null;
    }

    public synchronized void died(Throwable error) {
        this.death = error.getClass().getName();
    }

    /** Why the worker cannot be trusted to solve any more; empty when it is alive. */
    public synchronized Optional<String> failure(Instant now) {
        if (death != null) {
            return Optional.of("the solve worker died of " + death);
        }
        if (since != null && Duration.between(since, now).compareTo(stallAfter) > 0) {
            return Optional.of("the solve of " + window + " has run since " + since + ", beyond " + stallAfter);
        }
        return Optional.empty();
    }

    /** The window being solved, if any, and since when. */
    public synchronized Optional<String> current() {
        return since == null ? Optional.empty() : Optional.of(window + " since " + since);
    }
}
