package org.rota.activity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.rota.platform.security.Roles.ADMIN;
import static org.rota.platform.security.Roles.CREDENTIALING;
import static org.rota.platform.security.Roles.SCHEDULER;
import static org.rota.platform.security.Roles.VIEWER;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.rota.infra.AccessControlMatrix;
import org.rota.infra.DevServiceTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who may do what in activity-service: reads for every role; activities, absences and preferences by scheduler. */
@QuarkusTest
class AccessControlTests extends AccessControlMatrix {

    private static final String MISSING = UUID.randomUUID().toString();

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
        Supplier<String> activity = () -> """
                {"externalId":"EXT-%s","department":"UROLOGY","title":"Clinic","location":"Room 1",
                 "start":"2031-03-03T08:00:00Z","end":"2031-03-03T12:00:00Z","requiredClinicians":1,"version":0}""".formatted(UUID.randomUUID());
        // a clinician that does not exist: authorised, run, and refused as a reference (credential-service says so)
        Supplier<String> absence = () -> """
                {"clinicianId":"%s","from":"2031-03-03T00:00:00Z","until":"2031-03-04T00:00:00Z","version":0}"""
                .formatted(MISSING);
        Supplier<String> preference = () -> """
                {"clinicianId":"%s","date":"2031-03-03","kind":"DESIRED","version":0}""".formatted(MISSING);
        return Stream.of(
                read("/activities", 200),
                read("/activities/" + MISSING, 404),
                write("POST", "/activities", activity, 201, SCHEDULER, ADMIN),
                write("POST", "/activities/batch", () -> "{\"items\":[" + activity.get() + "]}", 200, SCHEDULER,
                        ADMIN),
                write("PUT", "/activities/" + MISSING, activity, 404, SCHEDULER, ADMIN),
                write("DELETE", "/activities/" + MISSING, null, 404, SCHEDULER, ADMIN),
                read("/absences", 200),
                read("/absences/" + MISSING, 404),
                write("POST", "/absences", absence, 422, SCHEDULER, ADMIN),
                write("PUT", "/absences/" + MISSING, absence, 404, SCHEDULER, ADMIN),
                write("DELETE", "/absences/" + MISSING, null, 404, SCHEDULER, ADMIN),
                read("/preferences", 200),
                read("/preferences/" + MISSING, 404),
                write("POST", "/preferences", preference, 422, SCHEDULER, ADMIN),
                write("PUT", "/preferences/" + MISSING, preference, 404, SCHEDULER, ADMIN),
                write("DELETE", "/preferences/" + MISSING, null, 404, SCHEDULER, ADMIN),
                write("POST", "/clinicians/" + MISSING + "/erasure", null, 200, ADMIN));
    }

    @Test
    void aRefusedWriteChangesNothing() {
        Map<String, Object> body = Fixtures.activityBody(null);
        given().contentType(ContentType.JSON).body(body).post("/activities").then().statusCode(401);
        given().auth().oauth2(DevServiceTokens.forUser(CREDENTIALING)).contentType(ContentType.JSON).body(body)
                .post("/activities").then().statusCode(403);
        given().auth().oauth2(DevServiceTokens.forUser(VIEWER)).queryParam("externalId", body.get("externalId"))
                .get("/activities").then().statusCode(200).body("items", empty());
    }

    @Test
    void healthAndMetricsNeedNoTokenAndAreNotOnTheApiPort() {
        given().port(managementInterface.getPort()).get("/q/health/ready").then().statusCode(200);
        given().port(managementInterface.getPort()).get("/q/metrics").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }
}
