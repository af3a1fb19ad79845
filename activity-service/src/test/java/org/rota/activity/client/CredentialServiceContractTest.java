package org.rota.activity.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.rota.contracts.CommittedOpenApi;
import org.rota.contracts.RestClientConformance;

/**
 * activity-service's client of credential-service against credential-service's committed OpenAPI document (which
 * credential-service's own OpenApiContractTests keep equal to what it serves): a change on either side that makes
 * them disagree fails this build, not production.
 */
class CredentialServiceContractTest {

    private static final Path CREDENTIAL_SERVICE_CONTRACT = Path.of("..", "credential-service", "src", "main", "openapi");

    @Test
    void everyCallOfTheClientIsInCredentialServicesDocumentWithCompatibleTypes() {
        assertThat(RestClientConformance.check(CredentialServiceApi.class,
                CommittedOpenApi.in(CREDENTIAL_SERVICE_CONTRACT).read())).isEmpty();
    }
}
