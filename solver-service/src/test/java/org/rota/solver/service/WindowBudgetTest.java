package org.rota.solver.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rota.solver.config.SolverConfig;

class WindowBudgetTest {

    private static final long MIB = 1024 * 1024;

    /** A 256 MiB heap, as ./rota up runs the service, with the configured defaults. */
    private final WindowBudget budget = new WindowBudget(settings(5000, 10_000, 1_000_000), 256 * MIB);

    @Test
    void aHospitalSizedWindowFits() {
        assertThat(budget.exceededBy(new WindowSize(500, 200, 60_000))).isEmpty();
    }

    @Test
    void aWindowOverAnExplicitCapIsTooLargeWithItsFigures() {
        assertThat(budget.exceededBy(new WindowSize(10, 20_000, 20_000))).hasValueSatisfying(reason -> assertThat(reason)
                .contains("10 activities, 20000 clinicians, 20000 eligible pairs")
                .contains("20000 clinicians > 10000"));
    }

    @Test
    void aWindowWhoseEstimatedHeapExceedsTheShareOfTheMaximumHeapIsTooLarge() {
        // 200 clinicians and 120,000 eligible pairs each fit a cap, but ~119 MiB is over 40 % of 256 MiB
        WindowSize size = new WindowSize(1_000, 200, 120_000);
        WindowBudget small = new WindowBudget(settings(5000, 10_000, 1_000_000), 256 * MIB);
        assertThat(small.estimatedHeapBytes(size)).isGreaterThan(100 * MIB);
        assertThat(small.exceededBy(size)).hasValueSatisfying(reason -> assertThat(reason).contains("MiB budget"));
        assertThat(new WindowBudget(settings(5000, 10_000, 1_000_000), 1024 * MIB).exceededBy(size)).isEmpty();
    }

    @Test
    void anEmptyWindowAlwaysFits() {
        assertThat(budget.exceededBy(new WindowSize(0, 0, 0))).isEmpty();
    }

    static SolverConfig.WindowBudget settings(int maxActivities, int maxClinicians, long maxPairs) {
        return new SolverConfig.WindowBudget() {
            @Override
            public double heapShare() {
                return 0.4;
            }

            @Override
            public long bytesPerClinician() {
                return 8192;
            }

            @Override
            public long bytesPerEligiblePair() {
                return 1024;
            }

            @Override
            public int maxActivities() {
                return maxActivities;
            }

            @Override
            public int maxClinicians() {
                return maxClinicians;
            }

            @Override
            public long maxEligiblePairs() {
                return maxPairs;
            }
        };
    }
}
