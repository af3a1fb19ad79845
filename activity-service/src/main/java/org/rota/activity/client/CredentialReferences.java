package org.rota.activity.client;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.rota.activity.config.ActivityConfig;
import org.rota.events.ClinicianEvent;
import org.rota.events.ProcedureEvent;
import org.rota.platform.problem.ProblemException;

/**
 * Whether what a request refers to in credential-service exists and can be used. Positive answers are remembered for
 * a short while: repeated writes do not ask again, and they keep working while credential-service is briefly away.
 * Negative answers are not remembered, so a procedure created a moment ago is accepted at once. When
 * credential-service cannot answer and nothing is remembered, the request fails with 503 and writes nothing.
 * <p>
 * The caller's transaction is suspended while credential-service is asked: the REST client would otherwise carry it
 * to its I/O thread, and a rollback while that thread still held it left the database connection outside any
 * transaction (an inbound event then counted as applied although nothing was written).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class CredentialReferences {

    private static final Logger LOG = Logger.getLogger(CredentialReferences.class);

    private final CredentialServiceClient credentialService;
    private final ActivityConfig config;
    private final Map<String, Instant> knownProcedures = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> activeClinicians = new ConcurrentHashMap<>();

    CredentialReferences(CredentialServiceClient credentialService, ActivityConfig config) {
        this.credentialService = credentialService;
        this.config = config;
    }

    /**
     * Checks each distinct code once and returns why each unusable one cannot be used (empty when all are fine).
     *
     * @throws ProblemException 503 when credential-service cannot tell about a code not remembered
     */
    public Map<String, String> unusableProcedures(Collection<String> codes) {
        Map<String, String> unusable = new LinkedHashMap<>();
        for (String code : codes.stream().distinct().toList()) {
            if (remembered(knownProcedures, code)) {
                continue;
            }
            Optional<ProcedureEvent> procedure = ask(() -> credentialService.findProcedure(code), "procedure " + code,
                    "procedureCode");
            if (procedure.isEmpty()) {
                unusable.put(code, "Procedure " + code + " does not exist in credential-service");
            } else if (!procedure.get().active()) {
                unusable.put(code, "Procedure " + code + " is not active");
            } else {
                remember(knownProcedures, code);
            }
        }
        return unusable;
    }

    /** @throws ProblemException 422 naming {@code field} when the code is unknown or inactive, 503 when unknowable */
    public void requireProcedure(String code, String field) {
        if (code == null) {
            return;
        }
        String problem = unusableProcedures(java.util.List.of(code)).get(code);
        if (problem != null) {
            throw ProblemException.unprocessable(field, problem);
        }
    }

    /** @throws ProblemException 422 when the clinician is unknown or inactive, 503 when unknowable */
    public void requireActiveClinician(UUID id, String field) {
        if (remembered(activeClinicians, id)) {
            return;
        }
        Optional<ClinicianEvent> clinician = ask(() -> credentialService.findClinician(id), "clinician " + id, field);
        if (clinician.isEmpty()) {
            throw ProblemException.unprocessable(field, "Clinician " + id + " does not exist in credential-service");
        }
        if (!clinician.get().active()) {
            throw ProblemException.unprocessable(field, "Clinician " + id + " is not active");
        }
        remember(activeClinicians, id);
    }

    private <T> T ask(java.util.function.Supplier<T> question, String what, String field) {
        try {
            return question.get();
        } catch (RuntimeException e) {
            LOG.warnf("credential-service could not tell about %s: %s", what, e.toString());
            long seconds = Math.max(1, config.references().retryAfter().toSeconds());
            throw new ProblemException(503, "Service unavailable", "credential-service cannot confirm " + what
                    + " right now; nothing was written, try again later", field,
                    Map.of("Retry-After", Long.toString(seconds)));
        }
    }

    private <K> boolean remembered(Map<K, Instant> cache, K key) {
        Instant until = cache.get(key);
        if (until == null) {
            return false;
        }
        if (until.isBefore(Instant.now())) {
            cache.remove(key, until);
            return false;
        }
        return true;
    }

    private <K> void remember(Map<K, Instant> cache, K key) {
        cache.put(key, Instant.now().plus(config.references().cacheTtl()));
    }
}
