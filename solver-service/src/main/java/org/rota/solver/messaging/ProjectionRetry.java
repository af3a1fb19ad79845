package org.rota.solver.messaging;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.rota.solver.config.ProjectionConfig;
import org.rota.solver.service.ProjectionUnavailableException;

/**
 * Tries a batch again, with a growing pause, for as long as the read model cannot be written: the batch stays
 * unacknowledged, so nothing is lost and nothing goes to the dead-letter topic for a reason that is not its own.
 */
@ApplicationScoped
public class ProjectionRetry {

    private static final Logger LOG = Logger.getLogger(ProjectionRetry.class);

    private final Duration backoff;
    private final Duration maxBackoff;

    @Inject
    ProjectionRetry(ProjectionConfig config) {
        this(config.retryBackoff(), config.retryMaxBackoff());
    }

    ProjectionRetry(Duration backoff, Duration maxBackoff) {
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
    }

    public <T> T untilApplied(Supplier<T> batch) {
        Duration pause = backoff;
        for (int attempt = 1;; attempt++) {
            try {
                T result = batch.get();
                if (attempt > 1) {
                    LOG.infof("Change batch applied at attempt %d", attempt);
                }
                return result;
            } catch (ProjectionUnavailableException e) {
                LOG.warnf("Change batch not applied (attempt %d), trying again in %d ms: %s", attempt,
                        pause.toMillis(), e.getMessage());
                sleep(pause, e);
                pause = pause.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : pause.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration pause, ProjectionUnavailableException failure) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure; // shutting down: the batch stays unacknowledged for whoever consumes next
        }
    }
}
