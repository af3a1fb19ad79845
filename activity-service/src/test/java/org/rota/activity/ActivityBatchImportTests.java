package org.rota.activity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rota.platform.security.Roles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** /activities/batch: many activities at once, all or nothing, idempotent by externalId. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class ActivityBatchImportTests {

    @Test
    void twoThousandActivitiesAreImportedInOneRequest() {
        String department = department();
        List<String> procedures = List.of(Fixtures.procedure(), Fixtures.procedure(), Fixtures.procedure());
        List<Map<String, Object>> items = items(department, 2_000, procedures);

        List<String> ids = given().contentType(ContentType.JSON).body(Map.of("items", items))
                .post("/activities/batch")
                .then().statusCode(200)
                .body("created", equalTo(2_000)).body("updated", equalTo(0)).body("unchanged", equalTo(0))
                .extract().path("ids");

        assertThat(ids).hasSize(2_000).doesNotHaveDuplicates();
        given().queryParam("department", department).queryParam("size", 1).get("/activities")
                .then().body("totalItems", equalTo(2_000));
        given().get("/activities/{id}", ids.get(17))
                .then().body("externalId", equalTo(items.get(17).get("externalId")));
    }

    @Test
    void reimportingTheSameBatchChangesNothingAndAChangedItemIsUpdatedInPlace() {
        String department = department();
        List<Map<String, Object>> items = items(department, 50, List.of(Fixtures.procedure()));
        List<String> first = given().contentType(ContentType.JSON).body(Map.of("items", items))
                .post("/activities/batch").then().statusCode(200).extract().path("ids");

        List<String> again = given().contentType(ContentType.JSON).body(Map.of("items", items))
                .post("/activities/batch")
                .then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(50))
                .extract().path("ids");
        assertThat(again).isEqualTo(first);
        given().get("/activities/{id}", first.get(3)).then().body("version", equalTo(0));

        items.get(3).put("title", "Moved to the afternoon list");
        given().contentType(ContentType.JSON).body(Map.of("items", items))
                .post("/activities/batch")
                .then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(1))
                .body("unchanged", equalTo(49));
        given().get("/activities/{id}", first.get(3))
                .then().body("title", equalTo("Moved to the afternoon list")).body("version", equalTo(1));
        given().queryParam("department", department).get("/activities").then().body("totalItems", equalTo(50));
    }

    @Test
    void oneBadItemRefusesTheWholeBatchNamingItsIndexAndField() {
        String department = department();
        List<Map<String, Object>> items = items(department, 30, List.of());
        items.get(17).put("end", items.get(17).get("start"));
        items.get(21).remove("title");
        items.get(25).put("externalId", items.get(2).get("externalId"));

        given().contentType(ContentType.JSON).body(Map.of("items", items))
                .post("/activities/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("items[17].end", "items[21].title", "items[25].externalId"))
                .body("errors.size()", equalTo(3))
                .body("detail", containsString("nothing was imported"));

        given().queryParam("department", department).get("/activities").then().body("totalItems", equalTo(0));
    }

    @Test
    void anUnknownProcedureRefusesTheWholeBatchNamingEveryItemThatUsesIt() {
        String department = department();
        String unknown = "NOSUCH" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<Map<String, Object>> items = items(department, 20, List.of(Fixtures.procedure()));
        items.get(4).put("procedureCode", unknown);
        items.get(9).put("procedureCode", unknown);

        given().contentType(ContentType.JSON).body(Map.of("items", items))
                .post("/activities/batch")
                .then().statusCode(422)
                .body("errors.field", hasItems("items[4].procedureCode", "items[9].procedureCode"))
                .body("errors.size()", equalTo(2))
                .body("detail", containsString(unknown));
        given().queryParam("department", department).get("/activities").then().body("totalItems", equalTo(0));
    }

    @Test
    void malformedItemsAndOversizedOrEmptyBatchesAreBadRequests() {
        List<Map<String, Object>> items = items(department(), 5, List.of());
        items.get(3).put("minimumLevel", "GURU");
        given().contentType(ContentType.JSON).body(Map.of("items", items)).post("/activities/batch")
                .then().statusCode(400).body("field", equalTo("items[3].minimumLevel"));

        given().contentType(ContentType.JSON).body(Map.of("items", List.of())).post("/activities/batch")
                .then().statusCode(400).body("field", equalTo("items"));
        given().contentType(ContentType.JSON).body("{}").post("/activities/batch")
                .then().statusCode(400).body("field", equalTo("items"));

        List<Map<String, Object>> tooMany = new ArrayList<>();
        Map<String, Object> small = Map.of("externalId", "x");
        for (int i = 0; i < 5_001; i++) {
            tooMany.add(small);
        }
        given().contentType(ContentType.JSON).body(Map.of("items", tooMany)).post("/activities/batch")
                .then().statusCode(400).body("field", equalTo("items")).body("detail", containsString("5000"));
    }

    private static String department() {
        return "D" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** {@code count} half-day sessions, cycling through the procedures (none when empty). */
    static List<Map<String, Object>> items(String department, int count, List<String> procedures) {
        Instant monday = Instant.parse("2031-03-03T08:00:00Z");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant start = monday.plus(i / 4, ChronoUnit.DAYS).plus((i % 4) * 2L, ChronoUnit.HOURS);
            Map<String, Object> item = Fixtures.activityBody(department + "-" + i, start,
                    start.plus(2, ChronoUnit.HOURS), procedures.isEmpty() ? null : procedures.get(i % procedures.size()));
            item.put("department", department);
            item.put("location", "Room " + (i % 7));
            items.add(item);
        }
        return items;
    }
}
