package org.rota.credential;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.rota.infra.InjectKafkaBroker;
import org.rota.infra.LocalKafkaBroker;

import io.quarkus.test.junit.QuarkusTest;

/** What operators and integrators rely on: health, metrics and the API description. */
@QuarkusTest
class OperationsTests {

    @InjectKafkaBroker
    LocalKafkaBroker broker;

    @Test
    void readinessCoversTheDatabaseAndTheBrokerHasItsOwnGroup() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/group/kafka").then().statusCode(200).body("checks.name", hasItem("Kafka broker"));
    }

    @Test
    void aBrokerOutageLeavesThePodReadyAndWritable() throws Exception {
        broker.stop();
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    given().get("/q/health/group/kafka").then().statusCode(503));
            Fixtures.clinician("Dr Written During Outage", "UROLOGY");
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    given().get("/q/metrics").then().body(containsString("rota_kafka_reachable 0.0")));
        } finally {
            broker.start();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/q/health/group/kafka").then().statusCode(200));
    }

    @Test
    void metricsIncludeTheOutboxLag() {
        given().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("rota_outbox_pending"))
                .body(containsString("rota_outbox_lag_seconds"))
                .body(containsString("rota_outbox_published_total"));
    }

    @Test
    void openApiDescribesTheRestContract() {
        given().accept("application/json").get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("/credentials/{id}/history"))
                .body(containsString("/clinicians/{id}"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
