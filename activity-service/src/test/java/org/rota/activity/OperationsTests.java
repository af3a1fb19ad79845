package org.rota.activity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What operators and integrators rely on: health, metrics and the API description. */
@QuarkusTest
class OperationsTests {

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
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
                .body(containsString("/activities/batch"))
                .body(containsString("/absences/{id}"))
                .body(containsString("/preferences/{id}"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
