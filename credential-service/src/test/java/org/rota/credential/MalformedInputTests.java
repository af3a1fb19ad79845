package org.rota.credential;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rota.platform.security.Roles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Garbage in is a 4xx with a problem body naming the field, never a 500. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class MalformedInputTests {

    @Inject
    DataSource database;

    @ParameterizedTest
    @ValueSource(strings = {"/clinicians", "/credentials", "/procedures"})
    void aNullOrEmptyBodyIsABadRequestNamingTheBody(String path) {
        for (String body : new String[] {"null", ""}) {
            problem(given().contentType(ContentType.JSON).body(body).post(path).then(), 400)
                    .body("field", equalTo("body"));
        }
    }

    @Test
    void aNullBodyOnAnUpdateIsABadRequestNamingTheBody() {
        String id = Fixtures.clinician("Dr Null Update", "UROLOGY");
        problem(given().contentType(ContentType.JSON).body("null").put("/clinicians/{id}", id).then(), 400)
                .body("field", equalTo("body"));
    }

    @Test
    void aNullStatusChangeBodyIsTheSameAsNone() {
        String clinician = Fixtures.clinician("Dr Null Suspend", "UROLOGY");
        String credential = Fixtures.credential(clinician, Fixtures.procedure(), "EXPERT", "2026-01-01", null);
        given().contentType(ContentType.JSON).body("null").post("/credentials/{id}/suspend", credential)
                .then().statusCode(200).body("status", equalTo("SUSPENDED"));
    }

    @Test
    void aNulCharacterInAnyBodyStringIsABadRequestNamingTheField() {
        Map<String, Object> body = Fixtures.clinicianBody("Dr \u0000 Null", "UROLOGY", null);
        problem(given().contentType(ContentType.JSON).body(body).post("/clinicians").then(), 400)
                .body("field", equalTo("displayName"));
        Map<String, Object> listed = Fixtures.clinicianBody("Dr Listed", "UROLOGY", null);
        listed.put("departments", List.of("UROLOGY", "GY\u0000N"));
        problem(given().contentType(ContentType.JSON).body(listed).post("/clinicians").then(), 400)
                .body("field", equalTo("departments[1]"));
    }

    @Test
    void aNulCharacterInAParameterOrHeaderIsABadRequestNamingIt() {
        problem(given().urlEncodingEnabled(false).get("/clinicians?externalId=HR%00X").then(), 400)
                .body("field", equalTo("externalId"));
        problem(given().urlEncodingEnabled(false).get("/procedures/VA%00S").then(), 400)
                .body("field", equalTo("code"));
    }

    @Test
    void aDateNoDatabaseCanStoreIsABadRequestNamingTheField() {
        String clinician = Fixtures.clinician("Dr Far Future", "UROLOGY");
        Map<String, Object> body = Fixtures.credentialBody(clinician, Fixtures.procedure(), "EXPERT",
                "+999999999-01-01", null);
        problem(given().contentType(ContentType.JSON).body(body).post("/credentials").then(), 400)
                .body("field", equalTo("validFrom"));
    }

    @Test
    void wrongTypesHugeNumbersAndUnknownEnumValuesAreBadRequestsNamingTheField() {
        Map<String, Object> body = Fixtures.clinicianBody("Dr Types", "UROLOGY", null);
        problem(given().contentType(ContentType.JSON).body(with(body, "fte", "\"much\"")).post("/clinicians").then(),
                400).body("field", equalTo("fte"));
        problem(given().contentType(ContentType.JSON).body(with(body, "maxMinutesPerWeek", "1e400"))
                .post("/clinicians").then(), 400).body("field", equalTo("maxMinutesPerWeek"));
        problem(given().contentType(ContentType.JSON).body(with(body, "role", "\"WIZARD\"")).post("/clinicians")
                .then(), 400).body("field", equalTo("role"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=-1", "page=abc", "page=99999999999", "page=2147483647&size=2", "size=0",
            "size=100000", "active=maybe"})
    void anOutOfRangePageOrParameterIsABadRequestNamingIt(String query) {
        String name = query.substring(0, query.indexOf('='));
        problem(given().get("/clinicians?" + query).then(), 400)
                .body("field", equalTo(name.equals("size") || name.equals("active") ? name : "page"));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413AndAProblem() {
        String huge = "{\"displayName\":\"" + "x".repeat(1_100_000) + "\"}";
        problem(given().contentType(ContentType.JSON).body(huge).post("/clinicians").then(), 413);
    }

    /**
     * The check for a used externalId cannot see a clinician another transaction has inserted but not yet committed;
     * the database's unique index then refuses the second insert, which must be a 409, not a 500.
     */
    @Test
    void theLoserOfARaceForAUniqueKeyGetsAConflictNamingTheField() throws Exception {
        Map<String, Object> body = Fixtures.clinicianBody("Dr Race", "UROLOGY", null);
        String externalId = (String) body.get("externalId");
        try (Connection rival = database.getConnection()) {
            rival.setAutoCommit(false);
            try (PreparedStatement insert = rival.prepareStatement("INSERT INTO clinician (id, external_id, "
                    + "display_name, role, fte, active, version, created_at, updated_at) "
                    + "VALUES (?, ?, 'Dr Rival', 'FACULTY', 1.0, true, 0, now(), now())")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, externalId);
                insert.executeUpdate();
            }
            CompletableFuture<ValidatableResponse> request = CompletableFuture.supplyAsync(
                    () -> given().contentType(ContentType.JSON).body(body).post("/clinicians").then());
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForALock(rival));
            rival.commit();
            problem(request.get(30, TimeUnit.SECONDS), 409).body("field", equalTo("externalId"));
        }
    }

    private static boolean waitingForALock(Connection other) throws Exception {
        try (PreparedStatement query = other.prepareStatement("SELECT count(*) FROM pg_locks WHERE NOT granted");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1) > 0;
        }
    }

    private static String with(Map<String, Object> body, String field, String rawJson) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, "@@RAW@@");
        try {
            return new ObjectMapper().writeValueAsString(copy).replace("\"@@RAW@@\"", rawJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.log().ifValidationFails().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue());
    }
}
