package org.rota.activity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rota.events.EventTypes;
import org.rota.events.Topics;
import org.rota.infra.InjectQuarkusService;
import org.rota.infra.KafkaTestClient;
import org.rota.infra.QuarkusServiceProcess;
import org.rota.platform.security.Roles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * When credential-service is down or hangs, a write whose references are not confirmed fails fast with 503 and
 * writes nothing; references confirmed a moment earlier still work.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class CredentialServiceOutageTests {

    @InjectQuarkusService
    QuarkusServiceProcess credentialService;

    private final KafkaTestClient kafka = new KafkaTestClient(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

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
    void anInboundUpsertWaitsForCredentialServiceInsteadOfBeingDeadLettered() {
        String neverSeen = Fixtures.procedure();
        String externalId = "EHR-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        credentialService.stop();
        kafka.send(Topics.ACTIVITIES_INBOUND, externalId, """
                {"externalId":"%s","department":"GYNAE","title":"Waits","start":"2030-11-01T08:00:00Z",
                 "end":"2030-11-01T12:00:00Z","location":"Clinic 2","procedureCode":"%s","requiredClinicians":1}"""
                .formatted(externalId, neverSeen), Map.of("ce_specversion", "1.0", "ce_id", eventId,
                "ce_source", "/hospital/ehr", "ce_type", EventTypes.ACTIVITY_UPSERT));
        sleep(Duration.ofSeconds(2));
        credentialService.start();

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> given().queryParam("externalId", externalId)
                .get("/activities").then().body("totalItems", equalTo(1)).body("items[0].procedureCode", equalTo(neverSeen)));
        assertThat(kafka.readFor(Topics.deadLetter(Topics.ACTIVITIES_INBOUND),
                record -> eventId.equals(KafkaTestClient.header(record, "ce_id")), Duration.ofSeconds(2))).isEmpty();
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

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
