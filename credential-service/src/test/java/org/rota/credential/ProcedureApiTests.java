package org.rota.credential;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rota.platform.security.Roles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class ProcedureApiTests {

    @Test
    void procedureIsReadableByCodeAndListed() {
        String code = Fixtures.procedure();
        given().get("/procedures/{code}", code)
                .then().statusCode(200).body("code", equalTo(code)).body("active", equalTo(true));
        given().get("/procedures").then().statusCode(200).body("code", hasItem(code));
    }

    @Test
    void renamingAndDeactivatingBumpTheVersion() {
        String code = Fixtures.procedure();
        given().contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Renamed", "active", false, "version", 0))
                .put("/procedures/{code}", code)
                .then().statusCode(200)
                .body("name", equalTo("Renamed"))
                .body("active", equalTo(false))
                .body("version", equalTo(1));
        given().queryParam("active", false).get("/procedures").then().body("code", hasItem(code));
    }

    @Test
    void codeIsUniqueAndCannotChange() {
        String code = Fixtures.procedure();
        given().contentType(ContentType.JSON).body(Map.of("code", code, "name", "Again"))
                .post("/procedures")
                .then().statusCode(409).body("field", equalTo("code"));
        given().contentType(ContentType.JSON).body(Map.of("code", "OTHER", "name", "Moved", "version", 0))
                .put("/procedures/{code}", code)
                .then().statusCode(400).body("field", equalTo("code"));
    }

    @Test
    void codeMustBeShortCapitals() {
        given().contentType(ContentType.JSON).body(Map.of("code", "not a code", "name", "Bad"))
                .post("/procedures")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("code"));
    }

    @Test
    void unknownProcedureIsNotFound() {
        given().get("/procedures/NOPE").then().statusCode(404).contentType("application/problem+json");
    }
}
