package org.rota.credential;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/** Creates what a test needs through the public REST API, with unique keys so tests never collide. */
final class Fixtures {

    static Map<String, Object> clinicianBody(String name, String department, Integer version) {
        Map<String, Object> body = new HashMap<>();
        body.put("externalId", "HR-" + UUID.randomUUID());
        body.put("displayName", name);
        body.put("role", "FACULTY");
        body.put("departments", new ArrayList<>(List.of(department)));
        body.put("fte", 0.8);
        body.put("maxMinutesPerWeek", 2400);
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    static String clinician(String name, String department) {
        return given().contentType(ContentType.JSON).body(clinicianBody(name, department, null))
                .post("/clinicians")
                .then().statusCode(201)
                .extract().path("id");
    }

    static String procedure() {
        String code = "P" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().contentType(ContentType.JSON).body(Map.of("code", code, "name", "Procedure " + code))
                .post("/procedures")
                .then().statusCode(201);
        return code;
    }

    static Map<String, Object> credentialBody(String clinicianId, String procedureCode, String level, String validFrom,
            String validUntil) {
        Map<String, Object> body = new HashMap<>();
        body.put("clinicianId", clinicianId);
        body.put("procedureCode", procedureCode);
        body.put("level", level);
        body.put("validFrom", validFrom);
        if (validUntil != null) {
            body.put("validUntil", validUntil);
        }
        return body;
    }

    static String credential(String clinicianId, String procedureCode, String level, String validFrom,
            String validUntil) {
        return given().contentType(ContentType.JSON)
                .body(credentialBody(clinicianId, procedureCode, level, validFrom, validUntil))
                .post("/credentials")
                .then().statusCode(201)
                .extract().path("id");
    }

    private Fixtures() {
    }
}
