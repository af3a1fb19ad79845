package org.rota.activity;

import org.junit.jupiter.api.Test;
import org.rota.contracts.CommittedOpenApi;
import org.rota.contracts.ServedOpenApi;

import io.quarkus.test.junit.QuarkusTest;

/** The REST contract cannot drift: what the service serves is what is committed, and breaks need a new version. */
@QuarkusTest
class OpenApiContractTests {

    private final CommittedOpenApi contract = CommittedOpenApi.ofThisModule();

    @Test
    void theServedDocumentIsTheCommittedOne() {
        contract.assertServedIsCommitted(ServedOpenApi.fetch());
    }

    @Test
    void aChangeThatBreaksClientsOfTheReleasedVersionRaisesTheVersion() {
        contract.assertNoBreakingChangeWithoutNewVersion(ServedOpenApi.fetch());
    }
}
