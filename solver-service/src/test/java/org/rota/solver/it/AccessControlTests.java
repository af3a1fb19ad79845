package org.rota.solver.it;

import static io.restassured.RestAssured.given;
import static org.rota.platform.security.Roles.ADMIN;
import static org.rota.platform.security.Roles.CREDENTIALING;
import static org.rota.platform.security.Roles.SCHEDULER;
import static org.rota.platform.security.Roles.VIEWER;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.rota.infra.AccessControlMatrix;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Who may do what in solver-service: reads for every role; pins, solves and what-if runs by scheduler; rebuilding the
 * read model by admin only.
 */
@QuarkusTest
class AccessControlTests extends AccessControlMatrix {

    private static final String MISSING = UUID.randomUUID().toString();
    private static final String WEEK = "from=2031-03-03&to=2031-03-10";

    @TestHTTPResource("/")
    URI api;

    @TestHTTPResource(value = "/", management = true)
    URL managementInterface;

    @Override
    protected URI api() {
        return api;
    }

    @Override
    protected List<String> roles() {
        return List.of(VIEWER, SCHEDULER, CREDENTIALING, ADMIN);
    }

    @Override
    protected Stream<Endpoint> endpoints() {
        return Stream.of(
                read("/allocations?" + WEEK, 200),
                read("/allocations/activities/" + MISSING, 404),
                read("/allocations/clinicians/" + MISSING + "?" + WEEK, 200),
                read("/solves", 200),
                read("/solves/" + MISSING, 404),
                read("/pins", 200),
                read("/coverage/at-risk?" + WEEK, 200),
                read("/coverage/renewals?" + WEEK, 200),
                // an activity the read model does not know: authorised, run, and refused
                write("POST", "/pins", () -> """
                        {"activityId":"%s","clinicianId":"%s"}""".formatted(MISSING, MISSING), 422, SCHEDULER, ADMIN),
                write("DELETE", "/pins/" + MISSING, null, 404, SCHEDULER, ADMIN),
                write("POST", "/solves", () -> """
                        {"from":"2031-03-03","to":"2031-03-10"}""", 202, SCHEDULER, ADMIN),
                write("POST", "/what-if", () -> """
                        {"zone":"Europe/London","clinicians":[{"id":"c1","fte":1.0}],
                         "activities":[{"id":"a1","start":"2031-03-03T08:00:00Z","end":"2031-03-03T12:00:00Z",
                                        "requiredClinicians":1}],
                         "options":{"timeLimitSeconds":1,"workers":1}}""", 200, SCHEDULER, ADMIN),
                write("POST", "/read-model/rebuild", null, 200, ADMIN));
    }

    @Test
    void healthAndMetricsNeedNoTokenAndAreNotOnTheApiPort() {
        given().port(managementInterface.getPort()).get("/q/health/ready").then().statusCode(200);
        given().port(managementInterface.getPort()).get("/q/metrics").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }
}
