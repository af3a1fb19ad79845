package org.rota.activity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.rota.platform.security.Roles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class ActivityApiTests {

    @Test
    void createdActivityIsReadBackWithItsVersionAndDefaults() {
        String procedure = Fixtures.procedure();
        Map<String, Object> body = Fixtures.activityBody(procedure);

        String id = given().contentType(ContentType.JSON).body(body)
                .post("/activities")
                .then().statusCode(201)
                .header("Location", containsString("/activities/"))
                .header("ETag", "\"0\"")
                .body("status", equalTo("SCHEDULED"))
                .body("minimumLevel", equalTo("QUALIFIED"))
                .body("version", equalTo(0))
                .extract().path("id");

        given().get("/activities/{id}", id)
                .then().statusCode(200)
                .body("externalId", equalTo(body.get("externalId")))
                .body("procedureCode", equalTo(procedure))
                .body("start", equalTo(body.get("start")))
                .body("end", equalTo(body.get("end")))
                .body("requiredClinicians", equalTo(2))
                .body("updatedAt", notNullValue());
    }

    @Test
    void anActivityWithoutProcedureNeedsNoCredentialServiceCheck() {
        given().contentType(ContentType.JSON).body(Fixtures.activityBody(null))
                .post("/activities").then().statusCode(201).body("procedureCode", equalTo(null));
    }

    @Test
    void updateWithTheReadVersionSucceedsAndBumpsIt() {
        Map<String, Object> body = Fixtures.activityBody(null);
        String id = Fixtures.activity(body);
        body.put("title", "Joint injection clinic");
        body.put("minimumLevel", "EXPERT");
        body.put("version", 0);

        given().contentType(ContentType.JSON).body(body).put("/activities/{id}", id)
                .then().statusCode(200)
                .body("title", equalTo("Joint injection clinic"))
                .body("minimumLevel", equalTo("EXPERT"))
                .body("version", equalTo(1));
    }

    @Test
    void staleVersionInTheBodyIsAConflictAndIfMatchAFailedPrecondition() {
        Map<String, Object> body = Fixtures.activityBody(null);
        String id = Fixtures.activity(body);
        body.put("version", 0);
        given().contentType(ContentType.JSON).body(body).put("/activities/{id}", id).then().statusCode(200);

        given().contentType(ContentType.JSON).body(body).put("/activities/{id}", id)
                .then().statusCode(409).contentType("application/problem+json").body("field", equalTo("version"));
        body.remove("version");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body).put("/activities/{id}", id)
                .then().statusCode(412).body("field", equalTo("If-Match"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body).put("/activities/{id}", id)
                .then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void ofTwoConcurrentUpdatesBasedOnTheSameVersionOneWinsAndTheOtherConflicts() throws Exception {
        Map<String, Object> body = Fixtures.activityBody(null);
        String id = Fixtures.activity(body);
        body.put("version", 0);
        List<Callable<Integer>> updates = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> change = new HashMap<>(body);
            change.put("title", "Writer " + i);
            updates.add(() -> given().contentType(ContentType.JSON).body(change).put("/activities/{id}", id)
                    .then().extract().statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(updates)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
        } finally {
            pool.shutdownNow();
        }
        given().get("/activities/{id}", id).then().body("version", equalTo(1));
    }

    @Test
    void updateWithoutAnyVersionIsRefused() {
        Map<String, Object> body = Fixtures.activityBody(null);
        String id = Fixtures.activity(body);
        given().contentType(ContentType.JSON).body(body).put("/activities/{id}", id)
                .then().statusCode(400).body("field", equalTo("version"));
    }

    @Test
    void deleteCancelsAndIsIdempotent() {
        String id = Fixtures.activity();
        given().delete("/activities/{id}", id).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("version", equalTo(1));
        given().delete("/activities/{id}", id).then().statusCode(200).body("version", equalTo(1));
        given().get("/activities/{id}", id).then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().header("If-Match", "\"0\"").delete("/activities/{id}", Fixtures.activity())
                .then().statusCode(200);
    }

    @Test
    void unknownActivityIsNotFound() {
        given().get("/activities/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().delete("/activities/{id}", UUID.randomUUID()).then().statusCode(404);
        given().get("/activities/not-a-uuid").then().statusCode(404);
    }

    @Test
    void endNotAfterStartIsRefusedNamingEnd() {
        Map<String, Object> body = Fixtures.activityBody(null);
        body.put("end", body.get("start"));
        given().contentType(ContentType.JSON).body(body).post("/activities")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("end"));
    }

    @Test
    void missingAndOutOfRangeFieldsAreNamed() {
        Map<String, Object> body = Fixtures.activityBody(null);
        body.remove("title");
        given().contentType(ContentType.JSON).body(body).post("/activities")
                .then().statusCode(400).body("field", equalTo("title"));

        body = Fixtures.activityBody(null);
        body.put("requiredClinicians", 0);
        given().contentType(ContentType.JSON).body(body).post("/activities")
                .then().statusCode(400).body("field", equalTo("requiredClinicians"));

        body.put("requiredClinicians", 51);
        given().contentType(ContentType.JSON).body(body).post("/activities")
                .then().statusCode(400).body("field", equalTo("requiredClinicians"));

        body.put("requiredClinicians", 1);
        body.put("procedureCode", "not a code");
        given().contentType(ContentType.JSON).body(body).post("/activities")
                .then().statusCode(400).body("field", equalTo("procedureCode"));
    }

    @Test
    void wrongEnumValueAndMalformedJsonAreBadRequests() {
        Map<String, Object> body = Fixtures.activityBody(null);
        body.put("minimumLevel", "GURU");
        given().contentType(ContentType.JSON).body(body).post("/activities")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("minimumLevel"));

        body.put("minimumLevel", "QUALIFIED");
        body.put("start", "next tuesday");
        given().contentType(ContentType.JSON).body(body).post("/activities")
                .then().statusCode(400).body("field", equalTo("start"));

        given().contentType(ContentType.JSON).body("{\"externalId\": ").post("/activities")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).post("/activities").then().statusCode(400);
    }

    @Test
    void unknownProcedureIsUnprocessableNamingTheCode() {
        Map<String, Object> body = Fixtures.activityBody("NOSUCH" + UUID.randomUUID().toString().substring(0, 6)
                .toUpperCase());
        given().contentType(ContentType.JSON).body(body).post("/activities")
                .then().statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("procedureCode"))
                .body("detail", containsString((String) body.get("procedureCode")));
        given().queryParam("externalId", body.get("externalId")).get("/activities")
                .then().body("totalItems", equalTo(0));
    }

    @Test
    void inactiveProcedureIsUnprocessable() {
        String code = Fixtures.procedure();
        Fixtures.credentialService().body(Map.of("code", code, "name", "Retired", "active", false, "version", 0))
                .put("/procedures/{code}", code).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Fixtures.activityBody(code)).post("/activities")
                .then().statusCode(422).body("detail", containsString("not active"));
    }

    @Test
    void duplicateExternalIdIsAConflict() {
        Map<String, Object> body = Fixtures.activityBody(null);
        Fixtures.activity(body);
        given().contentType(ContentType.JSON).body(body).post("/activities")
                .then().statusCode(409).body("field", equalTo("externalId"));
    }

    @Test
    void listingFiltersByOverlapWithTheRangeAndByAttributes() {
        String procedure = Fixtures.procedure();
        Map<String, Object> morning = Fixtures.activityBody(procedure);
        Instant start = Instant.parse((String) morning.get("start"));
        Fixtures.activity(morning);
        Map<String, Object> afternoon = Fixtures.activityBody("A-" + UUID.randomUUID(), start.plusSeconds(5 * 3600),
                start.plusSeconds(8 * 3600), null);
        afternoon.put("location", "Clinic B");
        String afternoonId = Fixtures.activity(afternoon);

        String dayStart = start.minusSeconds(8 * 3600).toString();
        String dayEnd = start.plusSeconds(16 * 3600).toString();
        given().queryParam("from", dayStart).queryParam("to", dayEnd).get("/activities")
                .then().statusCode(200).body("totalItems", equalTo(2))
                .body("items[0].externalId", equalTo(morning.get("externalId")));
        // [11:00, 12:00) overlaps the morning session only; its end is exclusive at 12:00
        given().queryParam("from", start.plusSeconds(3 * 3600).toString())
                .queryParam("to", start.plusSeconds(4 * 3600).toString()).get("/activities")
                .then().body("totalItems", equalTo(1)).body("items[0].externalId", equalTo(morning.get("externalId")));
        given().queryParam("from", start.plusSeconds(4 * 3600).toString())
                .queryParam("to", start.plusSeconds(5 * 3600).toString()).get("/activities")
                .then().body("totalItems", equalTo(0));
        given().queryParam("from", dayStart).queryParam("to", dayEnd).queryParam("procedureCode", procedure)
                .get("/activities").then().body("totalItems", equalTo(1));
        given().queryParam("from", dayStart).queryParam("to", dayEnd).queryParam("location", "Clinic B")
                .get("/activities").then().body("totalItems", equalTo(1)).body("items[0].id", equalTo(afternoonId));
        given().queryParam("from", dayStart).queryParam("to", dayEnd).queryParam("department", "UROLOGY")
                .queryParam("size", 1).get("/activities")
                .then().body("totalItems", equalTo(2)).body("totalPages", equalTo(2)).body("items.size()", equalTo(1));

        given().delete("/activities/{id}", afternoonId).then().statusCode(200);
        given().queryParam("from", dayStart).queryParam("to", dayEnd).queryParam("status", "CANCELLED")
                .get("/activities").then().body("totalItems", equalTo(1)).body("items[0].id", equalTo(afternoonId));
        given().queryParam("from", dayStart).queryParam("to", dayEnd).queryParam("status", "SCHEDULED")
                .get("/activities").then().body("totalItems", equalTo(1));
    }

    @Test
    void badQueryParametersAreNamed() {
        given().queryParam("from", "yesterday").get("/activities").then().statusCode(400).body("field", equalTo("from"));
        given().queryParam("status", "DONE").get("/activities").then().statusCode(400).body("field", equalTo("status"));
        given().queryParam("from", "2030-01-02").queryParam("to", "2030-01-01").get("/activities")
                .then().statusCode(400).body("field", equalTo("to"));
        given().queryParam("size", 0).get("/activities").then().statusCode(400).body("field", equalTo("size"));
    }
}
