package org.rota.solver.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.rota.solver.domain.PlanningWindow;

class SolveWorkerHeartbeatTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final PlanningWindow WINDOW = new PlanningWindow("UROLOGY", LocalDate.parse("2026-12-07"));

    private final SolveWorkerHeartbeat heartbeat = new SolveWorkerHeartbeat(Duration.ofMinutes(2));

    @Test
    void anIdleWorkerIsAlive() {
        assertThat(heartbeat.failure(NOW)).isEmpty();
    }

    @Test
    void aSolveWithinItsLimitIsAlive() {
        heartbeat.solving(WINDOW, NOW);
        assertThat(heartbeat.failure(NOW.plusSeconds(119))).isEmpty();
        assertThat(heartbeat.current()).hasValueSatisfying(current -> assertThat(current).contains(WINDOW.id()));
    }

    @Test
    void aSolveRunningFarBeyondItsLimitMeansTheWorkerIsStalled() {
        heartbeat.solving(WINDOW, NOW);
        assertThat(heartbeat.failure(NOW.plusSeconds(121)))
                .hasValueSatisfying(reason -> assertThat(reason).contains(WINDOW.id()));
    }

    @Test
    void aFinishedSolveClearsTheStall() {
        heartbeat.solving(WINDOW, NOW);
        heartbeat.idle();
        assertThat(heartbeat.failure(NOW.plusSeconds(3600))).isEmpty();
    }

    @Test
    void aWorkerKilledByAnErrorStaysDown() {
        heartbeat.died(new StackOverflowError());
        heartbeat.idle();
        assertThat(heartbeat.failure(NOW)).hasValueSatisfying(reason -> assertThat(reason).contains("StackOverflowError"));
    }
}
