package org.rota.solver.it;

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

        fuzzer.fuzz("POST /what-if", "what-if", """
                { "zone": "Europe/London",
                  "clinicians":  [{"id": "c1", "fte": 1.0, "maxMinutesPerWeek": 2400, "active": true},
                                  {"id": "c2", "fte": 0.5}],
                  "credentials": [{"clinicianId": "c1", "procedureCode": "VAS", "level": "EXPERT",
                                   "validFrom": "2026-01-01", "validUntil": null, "status": "ACTIVE", "maxPerWeek": 3}],
                  "activities":  [{"id": "a1", "start": "2026-12-07T08:00:00Z", "end": "2026-12-07T12:00:00Z",
                                   "procedureCode": "VAS", "requiredClinicians": 1, "minimumLevel": "QUALIFIED",
                                   "title": "List", "location": "Theatre 1"}],
                  "absences":    [{"clinicianId": "c1", "from": "2026-12-09T00:00:00Z", "until": "2026-12-11T00:00:00Z"}],
                  "preferences": [{"clinicianId": "c1", "date": "2026-12-08", "kind": "UNDESIRED"}],
                  "pins":        [{"activityId": "a1", "clinicianId": "c1"}],
                  "previous":    [{"activityId": "a1", "clinicianId": "c1"}],
                  "busy":        [{"clinicianId": "c2", "from": "2026-12-07T08:00:00Z", "until": "2026-12-07T09:00:00Z"}],
                  "options": {"timeLimitSeconds": 1, "workers": 1, "seed": 0, "minRestMinutes": 0,
                              "maxActivitiesPerDay": 2, "weights": {"unfilledSeat": 100000,
                              "qualifiedInsteadOfExpert": 10, "undesiredDay": 5, "desiredDay": 5, "fairness": 1,
                              "change": 20}} }""");
        fuzzer.fuzz("POST /pins", "pins", """
                {"activityId":"7d0c7a2e-3f56-4a8e-9a57-0e1f2d3c4b5a","clinicianId":"1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9",
                 "reason":"Requested by the lead"}""");
        fuzzer.fuzz("POST /solves", "solves", """
                {"from":"2026-12-07","to":"2026-12-14","department":"UROLOGY"}""");

        fuzzer.report("solver-service");
        assertThat(fuzzer.violations()).as("answers breaking the bad-input rule (seed %d)", fuzzer.seed()).isEmpty();
    }
}
