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
class AbsenceApiTests {

    @Test
    void absenceOfAnActiveClinicianIsRecordedAndReadBack() {
        String clinician = Fixtures.clinician();
        String id = given().contentType(ContentType.JSON)
                .body(body(clinician, "2030-06-01T00:00:00Z", "2030-06-08T00:00:00Z", "Annual leave"))
                .post("/absences")
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("deleted", equalTo(false)).body("version", equalTo(0))
                .extract().path("id");

        given().get("/absences/{id}", id)
                .then().statusCode(200)
                .body("clinicianId", equalTo(clinician))
                .body("from", equalTo("2030-06-01T00:00:00Z"))
                .body("until", equalTo("2030-06-08T00:00:00Z"))
                .body("reason", equalTo("Annual leave"));
    }

    @Test
    void listingFiltersByClinicianAndOverlap() {
        String clinician = Fixtures.clinician();
        create(clinician, "2030-07-01T00:00:00Z", "2030-07-03T00:00:00Z");
        create(clinician, "2030-07-10T00:00:00Z", "2030-07-11T00:00:00Z");
        create(Fixtures.clinician(), "2030-07-01T00:00:00Z", "2030-07-03T00:00:00Z");

        given().queryParam("clinicianId", clinician).get("/absences")
                .then().statusCode(200).body("totalItems", equalTo(2));
        given().queryParam("clinicianId", clinician).queryParam("from", "2030-07-02").queryParam("to", "2030-07-05")
                .get("/absences").then().body("totalItems", equalTo(1)).body("items[0].from", equalTo("2030-07-01T00:00:00Z"));
        given().queryParam("clinicianId", clinician).queryParam("from", "2030-07-03").queryParam("to", "2030-07-10")
                .get("/absences").then().body("totalItems", equalTo(0));
        given().queryParam("clinicianId", "nope").get("/absences").then().statusCode(400)
                .body("field", equalTo("clinicianId"));
    }

    @Test
    void updateNeedsTheCurrentVersion() {
        String clinician = Fixtures.clinician();
        String id = create(clinician, "2030-08-01T00:00:00Z", "2030-08-02T00:00:00Z");
        Map<String, Object> change = body(clinician, "2030-08-01T00:00:00Z", "2030-08-04T00:00:00Z", "Extended");
        change.put("version", 0);
        given().contentType(ContentType.JSON).body(change).put("/absences/{id}", id)
                .then().statusCode(200).body("until", equalTo("2030-08-04T00:00:00Z")).body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(change).put("/absences/{id}", id).then().statusCode(409);
        change.remove("version");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(change).put("/absences/{id}", id)
                .then().statusCode(412);
        change.put("version", 1);
        change.put("clinicianId", Fixtures.clinician());
        given().contentType(ContentType.JSON).body(change).put("/absences/{id}", id)
                .then().statusCode(400).body("field", equalTo("clinicianId"));
    }

    @Test
    void withdrawnAbsenceIsGoneButItsFinalStateIsReturned() {
        String id = create(Fixtures.clinician(), "2030-09-01T00:00:00Z", "2030-09-02T00:00:00Z");
        given().delete("/absences/{id}", id)
                .then().statusCode(200).body("deleted", equalTo(true)).body("version", equalTo(1));
        given().get("/absences/{id}", id).then().statusCode(404);
        given().delete("/absences/{id}", id).then().statusCode(404);
    }

    @Test
    void unknownOrInactiveClinicianIsUnprocessable() {
        given().contentType(ContentType.JSON)
                .body(body(UUID.randomUUID().toString(), "2030-06-01T00:00:00Z", "2030-06-02T00:00:00Z", null))
                .post("/absences").then().statusCode(422).body("field", equalTo("clinicianId"));
        given().contentType(ContentType.JSON)
                .body(body(Fixtures.inactiveClinician(), "2030-06-01T00:00:00Z", "2030-06-02T00:00:00Z", null))
                .post("/absences").then().statusCode(422).body("field", equalTo("clinicianId"));
    }

    @Test
    void invalidAbsencesAreBadRequestsNamingTheField() {
        String clinician = Fixtures.clinician();
        given().contentType(ContentType.JSON)
                .body(body(clinician, "2030-06-02T00:00:00Z", "2030-06-01T00:00:00Z", null))
                .post("/absences").then().statusCode(400).body("field", equalTo("until"));
        Map<String, Object> noFrom = body(clinician, "2030-06-02T00:00:00Z", "2030-06-03T00:00:00Z", null);
        noFrom.remove("from");
        given().contentType(ContentType.JSON).body(noFrom).post("/absences")
                .then().statusCode(400).body("field", equalTo("from"));
        given().contentType(ContentType.JSON).body(body("not-a-uuid", "2030-06-02T00:00:00Z", "2030-06-03T00:00:00Z", null))
                .post("/absences").then().statusCode(400).body("field", equalTo("clinicianId"));
        given().get("/absences/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    private static String create(String clinician, String from, String until) {
        return given().contentType(ContentType.JSON).body(body(clinician, from, until, null))
                .post("/absences").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> body(String clinician, String from, String until, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("clinicianId", clinician);
        body.put("from", from);
        body.put("until", until);
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }
}
