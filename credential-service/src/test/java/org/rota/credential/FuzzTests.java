package org.rota.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.rota.infra.RestFuzzer;
import org.rota.platform.security.Roles;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * Generated malformed bodies to every write endpoint: never a 5xx, every 4xx a problem body. Each run draws a new seed
 * (printed with the counts); {@code -Drota.fuzz.seed=N} repeats one.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class FuzzTests {

    private static final int BODIES_PER_ENDPOINT = 100;

    @TestHTTPResource("/")
    URI base;

    @Test
    void noMalformedBodyGetsAServerErrorOrAnAnswerWithoutAProblem() {
        RestFuzzer fuzzer = new RestFuzzer(base, BODIES_PER_ENDPOINT);
        String clinician = Fixtures.clinician("Dr Fuzz", "UROLOGY");
        String procedure = Fixtures.procedure();
        String credential = Fixtures.credential(clinician, procedure, "EXPERT", "2026-01-01", null);

        fuzzer.fuzz("POST /clinicians", "clinicians", """
                {"externalId":"HR-FUZZ-1","displayName":"Dr Fuzz","role":"FACULTY","departments":["UROLOGY"],
                 "fte":0.8,"maxMinutesPerWeek":2400,"active":true}""");
        fuzzer.fuzz("PUT /clinicians/{id}", "clinicians/" + clinician, """
                {"externalId":"HR-FUZZ-2","displayName":"Dr Fuzz","role":"RESIDENT","departments":["UROLOGY","GYNAE"],
                 "fte":1.0,"maxMinutesPerWeek":2400,"active":true,"version":0}""");
        fuzzer.fuzz("POST /procedures", "procedures", """
                {"code":"FUZZ","name":"Fuzzing","active":true}""");
        fuzzer.fuzz("PUT /procedures/{code}", "procedures/" + procedure, """
                {"code":"%s","name":"Renamed","active":true,"version":0}""".formatted(procedure));
        fuzzer.fuzz("POST /credentials", "credentials", """
                {"externalId":"CR-FUZZ","clinicianId":"%s","procedureCode":"%s","level":"QUALIFIED",
                 "validFrom":"2020-01-01","validUntil":"2020-12-31","maxPerWeek":3}""".formatted(clinician, procedure));
        fuzzer.fuzz("PUT /credentials/{id}", "credentials/" + credential, """
                {"level":"EXPERT","validFrom":"2026-01-01","validUntil":"2027-12-31","maxPerWeek":2,"version":0}""");
        for (String transition : new String[] {"suspend", "reinstate", "revoke"}) {
            fuzzer.fuzz("POST /credentials/{id}/" + transition, "credentials/" + credential + "/" + transition, """
                    {"reason":"under review","version":0}""");
        }

        fuzzer.report("credential-service");
        assertThat(fuzzer.violations()).as("answers breaking the bad-input rule (seed %d)", fuzzer.seed()).isEmpty();
    }
}
