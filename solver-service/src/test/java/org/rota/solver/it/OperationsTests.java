package org.rota.solver.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsTests {

    @Test
    void healthMetricsAndApiDescription() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        given().get("/q/health/group/kafka").then().statusCode(200).body("checks.name", hasItem("Kafka broker"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("rota_outbox_pending"))
                .body(containsString("rota_kafka_reachable"))
                .body(containsString("rota_solver_solve_duration"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/what-if"))
                .body(containsString("/allocations/activities/{id}"));
    }
}
