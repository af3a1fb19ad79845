package org.rota.solver.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rota.solver.solver.SolverOptions;
import org.rota.solver.solver.Weights;

class ConfiguredWeightsCheckTest {

    @Test
    void theDefaultWeightsStartTheService() {
        assertThatCode(() -> ConfiguredWeightsCheck.requireSafe(SolverOptions.defaults())).doesNotThrowAnyException();
    }

    @Test
    void anUnfilledSeatCheaperThanWhatFillingItCostsStopsTheStartNamingTheKey() {
        SolverOptions options = SolverOptions.defaults().withWeights(new Weights(50L, 10L, 5L, 5L, 1L, 20L));

        assertThatThrownBy(() -> ConfiguredWeightsCheck.requireSafe(options))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("solver.weights.unfilled-seat");
    }

    @Test
    void aWeightThatCouldOverflowTheObjectiveStopsTheStartNamingTheKey() {
        SolverOptions options = SolverOptions.defaults()
                .withWeights(new Weights(100_000L, 10L, 5L, 5L, 1L, 1_000_000_000_000L));

        assertThatThrownBy(() -> ConfiguredWeightsCheck.requireSafe(options))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("solver.weights.change");
    }
}
