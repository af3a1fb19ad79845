package org.rota.solver.health;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.rota.solver.service.SolveWorkerHeartbeat;

/** The pod is alive only while its solve worker is: a dead or stuck worker would leave every window unplanned. */
@Liveness
@ApplicationScoped
public class SolveWorkerLiveness implements HealthCheck {

    private final SolveWorkerHeartbeat worker;

    SolveWorkerLiveness(SolveWorkerHeartbeat worker) {
        this.worker = worker;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<String> failure = worker.failure(Instant.now());
        HealthCheckResponseBuilder response = HealthCheckResponse.named("solve-worker").status(failure.isEmpty());
        failure.ifPresent(reason -> response.withData("reason", reason));
        worker.current().ifPresent(window -> response.withData("solving", window));
        return response.build();
    }
}
