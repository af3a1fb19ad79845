package org.rota.activity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rota.infra.InjectQuarkusService;
import org.rota.infra.QuarkusServiceProcess;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * When credential-service is down or hangs, a write whose references are not confirmed fails fast with 503 and
 * writes nothing; references confirmed a moment earlier still work.
 */
@QuarkusTest
class CredentialServiceOutageTests {

    @InjectQuarkusService
    QuarkusServiceProcess credentialService;

    @AfterEach
    void credentialServiceIsBackAndTheCircuitClosed() {
        if (!credentialService.isRunning()) {
            credentialService.start();
        }
        // the circuit breaker lets a trial call through after its delay (1 s in tests)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().contentType(ContentType.JSON).body(Fixtures.activityBody(Fixtures.procedure()))
                        .post("/activities").then().statusCode(201));
    }

    @Test
    void credentialServiceDownMeansServiceUnavailableForUnconfirmedCodesButCachedCodesStillWork() {
        String cached = Fixtures.procedure();
        Fixtures.activity(Fixtures.activityBody(cached));
        String neverSeen = Fixtures.procedure();
        String clinician = Fixtures.clinician();

        credentialService.stop();

        Map<String, Object> refused = Fixtures.activityBody(neverSeen);
        long started = System.nanoTime();
        Response response = given().contentType(ContentType.JSON).body(refused).post("/activities");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        response.then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("field", equalTo("procedureCode"));
        given().queryParam("externalId", refused.get("externalId")).get("/activities")
                .then().body("totalItems", equalTo(0));

        given().contentType(ContentType.JSON).body(Fixtures.activityBody(cached)).post("/activities")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(Fixtures.activityBody(null)).post("/activities")
                .then().statusCode(201);
        given().contentType(ContentType.JSON)
                .body(AbsenceApiTests.body(clinician, "2030-03-01T00:00:00Z", "2030-03-02T00:00:00Z", null))
                .post("/absences").then().statusCode(503).header("Retry-After", notNullValue());

        String department = "OUT" + System.nanoTime();
        given().contentType(ContentType.JSON)
                .body(Map.of("items", ActivityBatchImportTests.items(department, 10, List.of(cached, neverSeen))))
                .post("/activities/batch").then().statusCode(503).header("Retry-After", notNullValue());
        given().queryParam("department", department).get("/activities").then().body("totalItems", equalTo(0));
    }

    @Test
    void aHungCredentialServiceTimesOutIntoServiceUnavailable() {
        String neverSeen = Fixtures.procedure();
        credentialService.pause();
        try {
            long started = System.nanoTime();
            given().contentType(ContentType.JSON).body(Fixtures.activityBody(neverSeen)).post("/activities")
                    .then().statusCode(503).header("Retry-After", notNullValue());
            // one attempt and one retry, each cut off at 1 s
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            credentialService.resume();
        }
    }
}
