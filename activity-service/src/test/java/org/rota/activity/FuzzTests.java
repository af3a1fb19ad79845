package org.rota.activity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rota.infra.RestFuzzer;
import org.rota.platform.security.Roles;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * Generated malformed bodies to every write endpoint: never a 5xx, every 4xx a problem body. Each run draws a new seed
 * (printed with the counts); {@code -Drota.fuzz.seed=N} repeats one.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class FuzzTests {

    private static final int BODIES_PER_ENDPOINT = 70;

    @TestHTTPResource("/")
    URI base;

    @Test
    void noMalformedBodyGetsAServerErrorOrAnAnswerWithoutAProblem() {
        RestFuzzer fuzzer = new RestFuzzer(base, BODIES_PER_ENDPOINT);
        String procedure = Fixtures.procedure();
        String clinician = Fixtures.clinician();
        String activity = Fixtures.activity(Fixtures.activityBody(procedure));
        String absence = created("/absences", Map.of("clinicianId", clinician, "from", "2031-03-01T00:00:00Z",
                "until", "2031-03-02T00:00:00Z", "reason", "Leave"));
        String preference = created("/preferences", Map.of("clinicianId", clinician, "date", "2031-03-05",
                "kind", "UNDESIRED"));
        String activityExample = """
                {"externalId":"EHR-FUZZ","department":"UROLOGY","title":"Vasectomy list",
                 "start":"2031-02-03T08:00:00Z","end":"2031-02-03T12:00:00Z","location":"Theatre 3",
                 "procedureCode":"%s","requiredClinicians":2,"minimumLevel":"QUALIFIED","status":"SCHEDULED",
                 "version":0}""".formatted(procedure);

        fuzzer.fuzz("POST /activities", "activities", activityExample);
        fuzzer.fuzz("PUT /activities/{id}", "activities/" + activity, activityExample);
        fuzzer.fuzz("POST /activities/batch", "activities/batch", "{\"items\":[" + activityExample + "]}");
        String absenceExample = """
                {"clinicianId":"%s","from":"2031-04-01T00:00:00Z","until":"2031-04-03T00:00:00Z",
                 "reason":"Annual leave","version":0}""".formatted(clinician);
        fuzzer.fuzz("POST /absences", "absences", absenceExample);
        fuzzer.fuzz("PUT /absences/{id}", "absences/" + absence, absenceExample);
        String preferenceExample = """
                {"clinicianId":"%s","date":"2031-04-08","kind":"DESIRED","version":0}""".formatted(clinician);
        fuzzer.fuzz("POST /preferences", "preferences", preferenceExample);
        fuzzer.fuzz("PUT /preferences/{id}", "preferences/" + preference, preferenceExample);

        fuzzer.report("activity-service");
        assertThat(fuzzer.violations()).as("answers breaking the bad-input rule (seed %d)", fuzzer.seed()).isEmpty();
    }

    private static String created(String path, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(path)
                .then().statusCode(201).extract().path("id");
    }
}
