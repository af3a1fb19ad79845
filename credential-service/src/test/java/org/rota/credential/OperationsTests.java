package org.rota.credential;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.net.URL;

import org.junit.jupiter.api.Test;
import org.rota.infra.InjectKafkaBroker;
import org.rota.infra.LocalKafkaBroker;
import org.rota.platform.security.Roles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.specification.RequestSpecification;

/** What operators and integrators rely on: health, metrics and the API description. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class OperationsTests {

    @TestHTTPResource(value = "/", management = true)
    URL managementInterface;

    /** Health and metrics: the management interface, no token. */
    private RequestSpecification management() {
        return given().port(managementInterface.getPort());
    }

    @InjectKafkaBroker
    LocalKafkaBroker broker;

    @Test
    void readinessCoversTheDatabaseAndTheBrokerHasItsOwnGroup() {
        management().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        management().get("/q/health/group/kafka").then().statusCode(200).body("checks.name", hasItem("Kafka broker"));
    }

    @Test
    void aBrokerOutageLeavesThePodReadyAndWritable() throws Exception {
        broker.stop();
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    management().get("/q/health/group/kafka").then().statusCode(503));
            Fixtures.clinician("Dr Written During Outage", "UROLOGY");
            management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    management().get("/q/metrics").then().body(containsString("rota_kafka_reachable 0.0")));
        } finally {
            broker.start();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                management().get("/q/health/group/kafka").then().statusCode(200));
    }

    @Test
    void metricsIncludeTheOutboxLag() {
        management().get("/q/metrics")
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
                .body(containsString("/clinicians/{id}"))
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/clinicians'.post.security[0].bearer", containsInAnyOrder("credentialing", "admin"))
                .body("paths.'/clinicians'.get.security[0].bearer",
                        containsInAnyOrder("viewer", "scheduler", "credentialing", "admin"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
