package org.rota.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rota.events.Contracts;
import org.rota.events.EventTypes;

class EventContractsTest {

    @Test
    void everySchemaTheAsyncApiDocumentNamesExists() throws Exception {
        String asyncApi;
        try (InputStream in = Contracts.class.getResourceAsStream(Contracts.ASYNCAPI)) {
            asyncApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher reference = Pattern.compile("\\$ref: '(schemas/[^']+)'").matcher(asyncApi);
        int found = 0;
        while (reference.find()) {
            found++;
            assertThat(Contracts.class.getResource("/contracts/" + reference.group(1))).as(reference.group(1)).isNotNull();
        }
        assertThat(found).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aConformingCredentialPassesAndABrokenOneIsCaught() {
        String valid = """
                {"id":"6a0f7a9e-3c55-4c8f-9a43-2f1d3c1e9b11","externalId":null,
                 "clinicianId":"0b6f8d3a-1e2f-4a5b-8c7d-9e0f1a2b3c4d","procedureCode":"VAS","level":"EXPERT",
                 "validFrom":"2026-01-01","validUntil":null,"status":"ACTIVE","maxPerWeek":null,"version":0,
                 "updatedAt":"2026-11-26T06:00:00Z"}""";
        assertThat(EventContracts.violations(EventTypes.CREDENTIAL, valid)).isEmpty();
        assertThat(EventContracts.violations(EventTypes.CREDENTIAL, valid.replace("\"EXPERT\"", "\"GURU\""))).isNotEmpty();
        assertThat(EventContracts.violations(EventTypes.CREDENTIAL, valid.replace("2026-01-01", "soon"))).isNotEmpty();
    }

    @Test
    void aCredentialMayCarryItsStatusHistoryAndAMalformedStepIsCaught() {
        String withHistory = """
                {"id":"6a0f7a9e-3c55-4c8f-9a43-2f1d3c1e9b11","externalId":null,
                 "clinicianId":"0b6f8d3a-1e2f-4a5b-8c7d-9e0f1a2b3c4d","procedureCode":"VAS","level":"EXPERT",
                 "validFrom":"2026-01-01","validUntil":null,"status":"SUSPENDED","maxPerWeek":null,"version":1,
                 "updatedAt":"2026-12-09T11:00:00Z",
                 "statusHistory":[{"status":"ACTIVE","effectiveFrom":null},
                                  {"status":"SUSPENDED","effectiveFrom":"2026-12-09T10:00:00Z"}]}""";
        assertThat(EventContracts.violations(EventTypes.CREDENTIAL, withHistory)).isEmpty();
        assertThat(EventContracts.violations(EventTypes.CREDENTIAL, withHistory.replace("\"SUSPENDED\",\"effectiveFrom\"",
                "\"PAUSED\",\"effectiveFrom\""))).isNotEmpty();
        assertThat(EventContracts.violations(EventTypes.CREDENTIAL, withHistory.replace("2026-12-09T10:00:00Z",
                "wednesday"))).isNotEmpty();
        assertThat(EventContracts.violations(EventTypes.CREDENTIAL, withHistory.replace(
                "{\"status\":\"ACTIVE\",\"effectiveFrom\":null},", "{\"status\":\"ACTIVE\"},"))).isNotEmpty();
    }
}
