package org.rota.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommittedOpenApiTest {

    private static final String DOCUMENT = """
            openapi: 3.1.0
            info: {title: t, version: 1.0.0}
            components:
              securitySchemes:
                oidc: {type: openIdConnect, openIdConnectUrl: "http://localhost:%d/realms/quarkus"}
            paths:
              /things:
                get:
                  responses:
                    "200": {description: ok}
            """;

    @TempDir
    Path directory;

    @Test
    void updateModeWritesTheServedDocumentAsCommittedAndAsReleasedWhenThereIsNone() throws Exception {
        CommittedOpenApi contract = CommittedOpenApi.in(directory);
        System.setProperty(CommittedOpenApi.UPDATE_PROPERTY, "true");
        try {
            contract.assertServedIsCommitted(DOCUMENT.formatted(41234));
        } finally {
            System.clearProperty(CommittedOpenApi.UPDATE_PROPERTY);
        }
        assertThat(Files.readString(contract.committed())).contains("/things").contains("1.0.0");
        assertThat(Files.readString(contract.released())).isEqualTo(Files.readString(contract.committed()));
    }

    @Test
    void theSameDocumentServedOnAnotherIssuerPortMatches() {
        CommittedOpenApi contract = CommittedOpenApi.in(directory);
        OpenApiDocuments.write(OpenApiDocuments.parse(DOCUMENT.formatted(41234)), contract.committed());

        contract.assertServedIsCommitted(DOCUMENT.formatted(50001));
    }

    @Test
    void aDifferenceIsReportedWithWhereItIsAndTheCommandThatRegenerates() {
        CommittedOpenApi contract = CommittedOpenApi.in(directory);
        OpenApiDocuments.write(OpenApiDocuments.parse(DOCUMENT.formatted(41234)), contract.committed());
        String changed = DOCUMENT.formatted(41234).replace("/things", "/items");

        assertThatThrownBy(() -> contract.assertServedIsCommitted(changed)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("- /paths/~1things (only in the committed document)")
                .hasMessageContaining("+ /paths/~1items (only in the served document)")
                .hasMessageContaining("-Drota.openapi.update=true");
    }
}
