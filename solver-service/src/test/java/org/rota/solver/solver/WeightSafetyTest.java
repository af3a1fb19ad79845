package org.rota.solver.solver;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rota.solver.solver.ProblemBuilder.problem;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Weights that cannot overflow, with an unfilled seat that always dominates")
class WeightSafetyTest {

    private static void assertRejectedNaming(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidProblemException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void theDefaultsAreSafe() {
        assertThatCode(() -> SolverOptions.defaults().requireSafeWeights()).doesNotThrowAnyException();
    }

    @Test
    void aWeightLargeEnoughToOverflowTheObjectiveIsRejectedByName() {
        ProblemBuilder huge = problem().clinician("c1")
                .activity("a", "2026-12-07T08:00", "2026-12-07T12:00", null, 50, Level.QUALIFIED)
                .weights(Long.MAX_VALUE / 10, 0, 0, 0, 0, 0);

        assertRejectedNaming(huge::solve, "options.weights.unfilledSeat");
        assertRejectedNaming(() -> SolverOptions.defaults()
                .withWeights(new Weights(100_000L, 10L, 5L, 5L, 1L, 1L << 40)).requireSafeWeights(),
                "options.weights.change");
    }

    @Test
    void anUnfilledSeatThatOtherTermsCouldOutweighIsRejected() {
        // one 4-hour assignment moves the fairness spread by 4 h = 400, more than the seat's 100
        ProblemBuilder cheapSeat = problem().clinician("c1").clinician("c2")
                .activity("a", "2026-12-07T08:00", "2026-12-07T12:00", null)
                .weights(100, 0, 0, 0, 100, 0);

        assertRejectedNaming(cheapSeat::solve, "options.weights.unfilledSeat");
        assertRejectedNaming(() -> SolverOptions.defaults().withWeights(new Weights(1_000L, 10L, 5L, 5L, 10L, 20L))
                .requireSafeWeights(), "options.weights.unfilledSeat");
    }
}
