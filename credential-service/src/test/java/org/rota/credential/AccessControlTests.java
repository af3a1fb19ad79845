package org.rota.credential;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.rota.platform.security.Roles.ADMIN;
import static org.rota.platform.security.Roles.CREDENTIALING;
import static org.rota.platform.security.Roles.SCHEDULER;
import static org.rota.platform.security.Roles.VIEWER;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.rota.infra.AccessControlMatrix;
import org.rota.infra.DevServiceTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Who may do what in credential-service: reads for every role, clinicians, procedures and credentials written by
 * credentialing (and admin), the expiry alert check run by admin; the actor of a credential change is the token's user.
 */
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
        String clinician = """
                {"externalId":"HR-%s","displayName":"Dr Matrix","role":"FACULTY","departments":["UROLOGY"],
                 "fte":1.0,"version":0}""";
        return Stream.of(
                read("/clinicians", 200),
                read("/clinicians/" + MISSING, 404),
                write("POST", "/clinicians", () -> clinician.formatted(UUID.randomUUID()), 201, CREDENTIALING, ADMIN),
                write("PUT", "/clinicians/" + MISSING, () -> clinician.formatted(UUID.randomUUID()), 404,
                        CREDENTIALING, ADMIN),
                write("DELETE", "/clinicians/" + MISSING, null, 404, CREDENTIALING, ADMIN),
                write("POST", "/clinicians/" + MISSING + "/erasure", null, 404, ADMIN),
                read("/procedures", 200),
                read("/procedures/NOPE", 404),
                write("POST", "/procedures", () -> """
                        {"code":"M%s","name":"Matrix"}""".formatted(code()), 201, CREDENTIALING, ADMIN),
                write("PUT", "/procedures/NOPE", () -> """
                        {"code":"NOPE","name":"Matrix","version":0}""", 404, CREDENTIALING, ADMIN),
                read("/credentials", 200),
                read("/credentials/" + MISSING, 404),
                read("/credentials/" + MISSING + "/history", 404),
                // a clinician that does not exist: authorised, run, and refused as a reference
                write("POST", "/credentials", () -> """
                        {"clinicianId":"%s","procedureCode":"NOPE","level":"EXPERT","validFrom":"2026-01-01"}"""
                        .formatted(MISSING), 422, CREDENTIALING, ADMIN),
                write("PUT", "/credentials/" + MISSING, () -> """
                        {"level":"EXPERT","validFrom":"2026-01-01","version":0}""", 404, CREDENTIALING, ADMIN),
                write("POST", "/credentials/" + MISSING + "/suspend", null, 404, CREDENTIALING, ADMIN),
                write("POST", "/credentials/" + MISSING + "/reinstate", null, 404, CREDENTIALING, ADMIN),
                write("POST", "/credentials/" + MISSING + "/revoke", null, 404, CREDENTIALING, ADMIN),
                // operations: the check of every credential for expiry alerts, now
                write("POST", "/credential-alerts/run", null, 200, ADMIN));
    }

    @Test
    void aRefusedWriteChangesNothing() {
        Map<String, Object> body = Fixtures.clinicianBody("Dr Refused", "UROLOGY", null);
        given().contentType(ContentType.JSON).body(body).post("/clinicians").then().statusCode(401);
        as(SCHEDULER).body(body).post("/clinicians").then().statusCode(403);
        as(VIEWER).queryParam("externalId", body.get("externalId")).get("/clinicians")
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void theHistoryRecordsTheTokensUserAndSubject() {
        String id = grantAs(CREDENTIALING).header("X-Rota-Actor", "   ").post("/credentials")
                .then().statusCode(201).extract().path("id");
        as(VIEWER).get("/credentials/{id}/history", id).then().statusCode(200)
                .body("actor", contains(equalTo(preferredUsername(CREDENTIALING) + " [sub credentialing]")));
    }

    @Test
    void onlyAnAdminMayRecordAChangeOnSomeonesBehalf() {
        grantAs(CREDENTIALING).header("X-Rota-Actor", "office.jones").post("/credentials")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("X-Rota-Actor"));

        String id = grantAs(ADMIN).header("X-Rota-Actor", "office.jones").post("/credentials")
                .then().statusCode(201).extract().path("id");
        as(VIEWER).get("/credentials/{id}/history", id).then().statusCode(200).body("actor", contains(
                equalTo(preferredUsername(ADMIN) + " [sub admin] on behalf of office.jones")));
    }

    @Test
    void healthAndMetricsNeedNoTokenAndAreNotOnTheApiPort() {
        given().port(managementInterface.getPort()).get("/q/health/ready").then().statusCode(200);
        given().port(managementInterface.getPort()).get("/q/metrics").then().statusCode(200)
                .body(containsString("rota_outbox_pending"));
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }

    /** A credential for a fresh clinician and procedure, set up by credentialing, to be granted as the user. */
    private static RequestSpecification grantAs(String user) {
        String clinician = as(CREDENTIALING).body(Fixtures.clinicianBody("Dr Actor", "UROLOGY", null))
                .post("/clinicians").then().statusCode(201).extract().path("id");
        String procedure = "A" + code();
        as(CREDENTIALING).body(Map.of("code", procedure, "name", "Procedure " + procedure)).post("/procedures")
                .then().statusCode(201);
        return as(user).body(Fixtures.credentialBody(clinician, procedure, "EXPERT", "2026-01-01", null));
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(DevServiceTokens.forUser(user)).contentType(ContentType.JSON);
    }

    /** The dev service's preferred_username for a user, as the token carries it. */
    private static String preferredUsername(String user) {
        return user + "@example.com";
    }

    private static String code() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
