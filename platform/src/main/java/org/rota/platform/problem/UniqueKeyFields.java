package org.rota.platform.problem;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The request field behind each unique constraint of the service's schema, so that the loser of a race for a unique
 * key gets a 409 naming the field: {@code rota.problem.unique-keys.clinician_external_id_key=externalId}.
 */
@ConfigMapping(prefix = "rota.problem")
public interface UniqueKeyFields {

    Map<String, String> uniqueKeys();

    default Optional<String> fieldOf(String constraint) {
        return constraint == null ? Optional.empty() : Optional.ofNullable(uniqueKeys().get(constraint));
    }
}
