package org.rota.activity.client;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.rota.events.ClinicianEvent;
import org.rota.events.ProcedureEvent;

import io.quarkus.runtime.Startup;

/**
 * Asks credential-service about procedures and clinicians. "Does not exist" is an answer ({@code Optional.empty()});
 * a slow, failing or unreachable credential-service is an exception, after one retry, and a circuit breaker stops
 * asking for a while once most recent calls failed, so requests fail fast instead of piling up.
 *
 * <p>Created at start-up, not at the first request, so that its REST client's token filter starts fetching
 * activity-service's own token in the background then (see the OIDC client settings).
 */
@Startup
@ApplicationScoped
public class CredentialServiceClient {

    private final CredentialServiceApi api;

    CredentialServiceClient(@RestClient CredentialServiceApi api) {
        this.api = api;
    }

    @Timeout(value = 1, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, jitter = 100, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1)
    public Optional<ProcedureEvent> findProcedure(String code) {
        return orEmptyWhenNotFound(() -> api.procedure(code));
    }

    @Timeout(value = 1, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, jitter = 100, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1)
    public Optional<ClinicianEvent> findClinician(UUID id) {
        return orEmptyWhenNotFound(() -> api.clinician(id));
    }

    private static <T> Optional<T> orEmptyWhenNotFound(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
