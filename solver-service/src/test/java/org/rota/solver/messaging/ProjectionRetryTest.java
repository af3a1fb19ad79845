package org.rota.solver.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.rota.solver.service.ProjectionUnavailableException;

/** A batch that fails for want of the database is tried again until it is applied; other failures are not retried. */
class ProjectionRetryTest {

    private final ProjectionRetry retry = new ProjectionRetry(Duration.ofMillis(1), Duration.ofMillis(4));

    @Test
    void aBatchIsTriedAgainUntilTheDatabaseIsBack() {
        AtomicInteger attempts = new AtomicInteger();
        String result = retry.untilApplied(() -> {
            if (attempts.incrementAndGet() < 4) {
                throw new ProjectionUnavailableException(new SQLException("connection refused", "08001"));
            }
            return "applied";
        });
        assertThat(result).isEqualTo("applied");
        assertThat(attempts).hasValue(4);
    }

    @Test
    void anyOtherFailureIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retry.untilApplied(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void anInterruptedWaitGivesUpAndLeavesTheBatchUnacknowledged() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> retry.untilApplied(() -> {
                throw new ProjectionUnavailableException(new SQLException("connection refused", "08001"));
            })).isInstanceOf(ProjectionUnavailableException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
