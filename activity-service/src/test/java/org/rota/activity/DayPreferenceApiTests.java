package org.rota.activity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rota.platform.security.Roles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class DayPreferenceApiTests {

    @Test
    void preferenceIsRecordedAndReadBack() {
        String clinician = Fixtures.clinician();
        String id = given().contentType(ContentType.JSON).body(body(clinician, "2030-12-07", "UNDESIRED"))
                .post("/preferences")
                .then().statusCode(201).body("version", equalTo(0)).body("deleted", equalTo(false))
                .extract().path("id");
        given().get("/preferences/{id}", id)
                .then().statusCode(200).body("date", equalTo("2030-12-07")).body("kind", equalTo("UNDESIRED"))
                .body("clinicianId", equalTo(clinician));
    }

    @Test
    void oneLivePreferencePerClinicianAndDay() {
        String clinician = Fixtures.clinician();
        String id = create(clinician, "2030-12-08", "DESIRED");
        given().contentType(ContentType.JSON).body(body(clinician, "2030-12-08", "UNDESIRED")).post("/preferences")
                .then().statusCode(409).body("field", equalTo("date"));

        given().delete("/preferences/{id}", id).then().statusCode(200).body("deleted", equalTo(true))
                .body("version", equalTo(1));
        given().get("/preferences/{id}", id).then().statusCode(404);
        create(clinician, "2030-12-08", "UNDESIRED");
    }

    @Test
    void updateChangesKindWithTheCurrentVersion() {
        String clinician = Fixtures.clinician();
        String id = create(clinician, "2030-12-09", "DESIRED");
        Map<String, Object> change = body(clinician, "2030-12-09", "UNDESIRED");
        change.put("version", 0);
        given().contentType(ContentType.JSON).body(change).put("/preferences/{id}", id)
                .then().statusCode(200).body("kind", equalTo("UNDESIRED")).body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(change).put("/preferences/{id}", id).then().statusCode(409);
        change.remove("version");
        given().contentType(ContentType.JSON).body(change).put("/preferences/{id}", id)
                .then().statusCode(400).body("field", equalTo("version"));
    }

    @Test
    void listingFiltersByClinicianAndDays() {
        String clinician = Fixtures.clinician();
        create(clinician, "2031-01-05", "DESIRED");
        create(clinician, "2031-01-06", "UNDESIRED");
        create(clinician, "2031-01-09", "DESIRED");
        given().queryParam("clinicianId", clinician).queryParam("from", "2031-01-06").queryParam("to", "2031-01-09")
                .get("/preferences")
                .then().statusCode(200).body("totalItems", equalTo(2)).body("items[0].date", equalTo("2031-01-06"));
        given().queryParam("from", "soon").get("/preferences").then().statusCode(400).body("field", equalTo("from"));
    }

    @Test
    void invalidPreferencesAreRefused() {
        String clinician = Fixtures.clinician();
        given().contentType(ContentType.JSON).body(body(clinician, "2030-12-10", "MAYBE")).post("/preferences")
                .then().statusCode(400).body("field", equalTo("kind"));
        given().contentType(ContentType.JSON).body(body(clinician, "10/12/2030", "DESIRED")).post("/preferences")
                .then().statusCode(400).body("field", equalTo("date"));
        Map<String, Object> noKind = body(clinician, "2030-12-10", "DESIRED");
        noKind.remove("kind");
        given().contentType(ContentType.JSON).body(noKind).post("/preferences")
                .then().statusCode(400).body("field", equalTo("kind"));
        given().contentType(ContentType.JSON).body(body(UUID.randomUUID().toString(), "2030-12-10", "DESIRED"))
                .post("/preferences").then().statusCode(422).body("field", equalTo("clinicianId"));
        given().get("/preferences/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    private static String create(String clinician, String date, String kind) {
        return given().contentType(ContentType.JSON).body(body(clinician, date, kind))
                .post("/preferences").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> body(String clinician, String date, String kind) {
        Map<String, Object> body = new HashMap<>();
        body.put("clinicianId", clinician);
        body.put("date", date);
        body.put("kind", kind);
        return body;
    }
}
