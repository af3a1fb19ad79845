package org.rota.activity;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.config.ConfigProvider;
import org.rota.infra.DevServiceTokens;
import org.rota.platform.security.Roles;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Creates what a test needs through the public REST APIs, with unique keys so tests never collide. */
final class Fixtures {

    /** Each activity gets its own day far in the future, so range queries of one test see only its own. */
    private static final AtomicLong NEXT_DAY = new AtomicLong(
            Instant.parse("2030-01-01T00:00:00Z").plus(UUID.randomUUID().hashCode() & 0xfff, ChronoUnit.DAYS)
                    .getEpochSecond() / 86_400);

    /** The real credential-service the tests started, as the credentialing office. */
    static RequestSpecification credentialService() {
        URI url = URI.create(ConfigProvider.getConfig()
                .getValue("quarkus.rest-client.credential-service.url", String.class));
        return given().baseUri(url.getScheme() + "://" + url.getHost()).port(url.getPort())
                .auth().oauth2(DevServiceTokens.forUser(Roles.CREDENTIALING))
                .contentType(ContentType.JSON);
    }

    static String procedure() {
        String code = "P" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        credentialService().body(Map.of("code", code, "name", "Procedure " + code))
                .post("/procedures")
                .then().statusCode(201);
        return code;
    }

    static String clinician() {
        return credentialService().body(Map.of("externalId", "HR-" + UUID.randomUUID(), "displayName", "Dr Fixture",
                        "role", "FACULTY", "departments", List.of("UROLOGY"), "fte", 1.0))
                .post("/clinicians")
                .then().statusCode(201)
                .extract().path("id");
    }

    static String inactiveClinician() {
        String id = clinician();
        credentialService().delete("/clinicians/{id}", id).then().statusCode(200);
        return id;
    }

    /** A morning session on a day no other test uses. */
    static Map<String, Object> activityBody(String procedureCode) {
        Instant day = Instant.ofEpochSecond(NEXT_DAY.getAndIncrement() * 86_400);
        return activityBody("EXT-" + UUID.randomUUID(), day.plus(8, ChronoUnit.HOURS), day.plus(12, ChronoUnit.HOURS),
                procedureCode);
    }

    static Map<String, Object> activityBody(String externalId, Instant start, Instant end, String procedureCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("externalId", externalId);
        body.put("department", "UROLOGY");
        body.put("title", "Vasectomy list");
        body.put("start", start.toString());
        body.put("end", end.toString());
        body.put("location", "Theatre 3");
        if (procedureCode != null) {
            body.put("procedureCode", procedureCode);
        }
        body.put("requiredClinicians", 2);
        return body;
    }

    static String activity(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/activities")
                .then().statusCode(201)
                .extract().path("id");
    }

    static String activity() {
        return activity(activityBody(null));
    }

    private Fixtures() {
    }
}
