package org.rota.credential;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rota.platform.security.Roles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class ClinicianApiTests {

    @Test
    void createdClinicianIsReadableWithItsVersion() {
        String id = Fixtures.clinician("Dr Ada Vale", "UROLOGY");

        given().get("/clinicians/{id}", id)
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("displayName", equalTo("Dr Ada Vale"))
                .body("departments", contains("UROLOGY"))
                .body("fte", equalTo(0.8f))
                .body("active", equalTo(true))
                .body("version", equalTo(0));
    }

    @Test
    void listIsPagedAndFilteredByDepartment() {
        String department = "D" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            Fixtures.clinician("Clinician " + i, department);
        }
        given().queryParam("department", department).queryParam("size", 2)
                .get("/clinicians")
                .then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2));
    }

    @Test
    void updateBasedOnTheCurrentVersionBumpsIt() {
        String id = Fixtures.clinician("Dr Old Name", "UROLOGY");
        given().contentType(ContentType.JSON).body(Fixtures.clinicianBody("Dr New Name", "UROLOGY", 0))
                .put("/clinicians/{id}", id)
                .then().statusCode(200)
                .body("displayName", equalTo("Dr New Name"))
                .body("version", equalTo(1));
    }

    @Test
    void aReadRightAfterAWriteShowsTheNewState() {
        String id = Fixtures.clinician("Dr Before", "UROLOGY");
        given().get("/clinicians/{id}", id).then().body("displayName", equalTo("Dr Before"));
        given().contentType(ContentType.JSON).body(Fixtures.clinicianBody("Dr After", "UROLOGY", 0))
                .put("/clinicians/{id}", id).then().statusCode(200);
        given().get("/clinicians/{id}", id)
                .then().body("displayName", equalTo("Dr After")).header("ETag", "\"1\"");
    }

    @Test
    void updateBasedOnAStaleVersionIsAConflict() {
        String id = Fixtures.clinician("Dr Stale", "UROLOGY");
        given().contentType(ContentType.JSON).body(Fixtures.clinicianBody("First", "UROLOGY", 0))
                .put("/clinicians/{id}", id).then().statusCode(200);

        given().contentType(ContentType.JSON).body(Fixtures.clinicianBody("Second", "UROLOGY", 0))
                .put("/clinicians/{id}", id)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("field", equalTo("version"));
    }

    @Test
    void staleIfMatchIsAFailedPrecondition() {
        String id = Fixtures.clinician("Dr Etag", "UROLOGY");
        Map<String, Object> body = Fixtures.clinicianBody("Changed", "UROLOGY", null);
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(body)
                .put("/clinicians/{id}", id)
                .then().statusCode(412)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .put("/clinicians/{id}", id)
                .then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void updateWithoutAnyVersionIsRefused() {
        String id = Fixtures.clinician("Dr No Version", "UROLOGY");
        given().contentType(ContentType.JSON).body(Fixtures.clinicianBody("Changed", "UROLOGY", null))
                .put("/clinicians/{id}", id)
                .then().statusCode(400).body("field", equalTo("version"));
    }

    @Test
    void deleteDeactivatesAndKeepsTheClinician() {
        String id = Fixtures.clinician("Dr Leaving", "UROLOGY");
        given().delete("/clinicians/{id}", id)
                .then().statusCode(200).body("active", equalTo(false)).body("version", equalTo(1));
        given().get("/clinicians/{id}", id).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void externalIdIsUnique() {
        Map<String, Object> body = Fixtures.clinicianBody("Dr Twin", "UROLOGY", null);
        given().contentType(ContentType.JSON).body(body).post("/clinicians").then().statusCode(201);
        given().contentType(ContentType.JSON).body(body).post("/clinicians")
                .then().statusCode(409).body("field", equalTo("externalId"));
    }

    @Test
    void invalidFieldsAreNamedInTheProblem() {
        Map<String, Object> body = Fixtures.clinicianBody("", "UROLOGY", null);
        body.put("fte", 1.5);
        given().contentType(ContentType.JSON).body(body).post("/clinicians")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("displayName"))
                .body("errors.field", hasItem("fte"));
    }

    @Test
    void unknownEnumValueIsABadRequestNamingTheField() {
        Map<String, Object> body = Fixtures.clinicianBody("Dr Enum", "UROLOGY", null);
        body.put("role", "WIZARD");
        given().contentType(ContentType.JSON).body(body).post("/clinicians")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("role"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        given().contentType(ContentType.JSON).body("{\"displayName\": ").post("/clinicians")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", notNullValue());
    }

    @Test
    void oversizedBodyIsRefused() {
        String huge = "{\"displayName\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        given().contentType(ContentType.JSON).body(huge).post("/clinicians")
                .then().statusCode(413);
    }

    @Test
    void unknownClinicianIsNotFound() {
        given().get("/clinicians/{id}", UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}
