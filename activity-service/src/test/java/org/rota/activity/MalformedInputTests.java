package org.rota.activity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rota.platform.security.Roles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Garbage in is a 4xx with a problem body naming the field, never a 500. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class MalformedInputTests {

    @ParameterizedTest
    @ValueSource(strings = {"/activities", "/absences", "/preferences"})
    void aNullOrEmptyBodyIsABadRequestNamingTheBody(String path) {
        for (String body : new String[] {"null", ""}) {
            problem(given().contentType(ContentType.JSON).body(body).post(path).then(), 400)
                    .body("field", equalTo("body"));
        }
    }

    @Test
    void aNulCharacterInAnActivityIsABadRequestNamingTheField() {
        Map<String, Object> body = Fixtures.activityBody(null);
        body.put("location", "Theatre\u00003");
        problem(given().contentType(ContentType.JSON).body(body).post("/activities").then(), 400)
                .body("field", equalTo("location"));
    }

    @Test
    void anInstantNoDatabaseCanStoreIsABadRequestNamingTheField() {
        Map<String, Object> body = Fixtures.activityBody(null);
        body.put("end", "+300000-01-01T00:00:00Z");
        problem(given().contentType(ContentType.JSON).body(body).post("/activities").then(), 400)
                .body("field", equalTo("end"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/activities", "/absences", "/preferences"})
    void aPageBeyondWhatTheDatabaseCanSkipToIsABadRequest(String path) {
        problem(given().get(path + "?page=2147483647&size=500").then(), 400).body("field", equalTo("page"));
        problem(given().get(path + "?size=ten").then(), 400).body("field", equalTo("size"));
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.log().ifValidationFails().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status));
    }
}
