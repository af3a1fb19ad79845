package org.rota.solver.service;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.rota.solver.solver.InvalidProblemException;
import org.rota.solver.solver.SolverOptions;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start with weights that could overflow the objective or let another term outweigh an unfilled seat:
 * every window would otherwise fail to solve (or staff worse than it could) while the service looked healthy.
 */
@ApplicationScoped
public class ConfiguredWeightsCheck {

    private static final String OPTIONS_PREFIX = "options.weights.";

    void check(@Observes StartupEvent startup, ProblemBuilder problems) {
        requireSafe(problems.options());
    }

    /** Throws {@link IllegalStateException} naming the configuration key of the weight at fault. */
    static void requireSafe(SolverOptions options) {
        try {
            options.requireSafeWeights();
        } catch (InvalidProblemException e) {
            throw new IllegalStateException("Unsafe solver weights (" + configKey(e.field()) + "): " + e.getMessage(), e);
        }
    }

    /** {@code options.weights.unfilledSeat} → {@code solver.weights.unfilled-seat}. */
    static String configKey(String field) {
        if (field == null || !field.startsWith(OPTIONS_PREFIX)) {
            return String.valueOf(field);
        }
        String name = field.substring(OPTIONS_PREFIX.length());
        return "solver.weights." + name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
