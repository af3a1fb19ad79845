package org.rota.solver.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.URL;

import org.junit.jupiter.api.Test;
import org.rota.platform.security.Roles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class OperationsTests {

    @TestHTTPResource(value = "/", management = true)
    URL managementInterface;

    /** Health and metrics: the management interface, no token. */
    private RequestSpecification management() {
        return given().port(managementInterface.getPort());
    }

    @Test
    void healthMetricsAndApiDescription() {
        management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        management().get("/q/health/group/kafka").then().statusCode(200).body("checks.name", hasItem("Kafka broker"));
        management().get("/q/health/live").then().statusCode(200);
        management().get("/q/metrics").then().statusCode(200)
                .body(containsString("rota_outbox_pending"))
                .body(containsString("rota_kafka_reachable"))
                .body(containsString("rota_solver_solve_duration"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/what-if"))
                .body(containsString("/allocations/activities/{id}"));
    }
}
