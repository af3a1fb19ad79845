package org.rota.activity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.rota.events.EventTypes;
import org.rota.events.Topics;
import org.rota.infra.EventContracts;
import org.rota.infra.KafkaTestClient;
import org.rota.platform.security.Roles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** An activity spells out its seat groups (a primary, a secondary, trainees) or gives the one-group shorthand. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class ActivitySeatsTests {

    private final KafkaTestClient kafka = new KafkaTestClient(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    static List<Map<String, Object>> teachingSeats() {
        return List.of(Map.of("minimumLevel", "EXPERT", "count", 1),
                Map.of("minimumLevel", "QUALIFIED", "count", 1, "optional", false),
                Map.of("minimumLevel", "TRAINEE", "count", 2, "optional", true));
    }

    static Map<String, Object> teachingList(String procedure) {
        Map<String, Object> body = Fixtures.activityBody(procedure);
        body.remove("requiredClinicians");
        body.put("seats", teachingSeats());
        body.put("traineesPerSupervisor", 1);
        return body;
    }

    @Test
    void spelledOutSeatsAreKeptAndTheEventCarriesThemWithTheirShorthand() {
        String id = Fixtures.activity(teachingList(Fixtures.procedure()));

        given().get("/activities/{id}", id).then().statusCode(200)
                .body("seats.minimumLevel", equalTo(List.of("EXPERT", "QUALIFIED", "TRAINEE")))
                .body("seats.count", equalTo(List.of(1, 1, 2)))
                .body("seats.optional", equalTo(List.of(false, false, true)))
                .body("traineesPerSupervisor", equalTo(1))
                .body("requiredClinicians", equalTo(2))
                .body("minimumLevel", equalTo("QUALIFIED"));

        List<ConsumerRecord<String, String>> events = kafka.await(Topics.ACTIVITIES,
                record -> record.key().equals("activity/" + id), 1, Duration.ofSeconds(20));
        EventContracts.assertConforms(EventTypes.ACTIVITY, events.get(0).value());
        JsonPath event = JsonPath.from(events.get(0).value());
        assertThat(event.getList("seats.minimumLevel")).containsExactly("EXPERT", "QUALIFIED", "TRAINEE");
        assertThat(event.getInt("traineesPerSupervisor")).isEqualTo(1);
        assertThat(event.getInt("requiredClinicians")).isEqualTo(2);
    }

    @Test
    void theShorthandIsOneRequiredGroupAndLeavesTheTraineeRatioToTheSolver() {
        Map<String, Object> body = Fixtures.activityBody(null);
        body.put("minimumLevel", "EXPERT");
        String id = Fixtures.activity(body);

        given().get("/activities/{id}", id).then().statusCode(200)
                .body("seats", equalTo(List.of(Map.of("minimumLevel", "EXPERT", "count", 2, "optional", false))))
                .body("traineesPerSupervisor", nullValue());
    }

    @Test
    void theRepresentationReadBackCanBeWrittenAgainAndAnUpdateReplacesTheSeats() {
        String id = Fixtures.activity(teachingList(null));
        Map<String, Object> read = new java.util.HashMap<>(given().get("/activities/{id}", id).then().statusCode(200)
                .extract().jsonPath().getMap(""));
        read.put("title", "Teaching list, renamed");
        given().contentType(ContentType.JSON).body(read).put("/activities/{id}", id)
                .then().statusCode(200).body("version", equalTo(1)).body("seats.count", equalTo(List.of(1, 1, 2)));

        read.put("version", 1);
        read.put("seats", List.of(Map.of("minimumLevel", "EXPERT", "count", 1),
                Map.of("minimumLevel", "TRAINEE", "count", 1, "optional", true)));
        read.remove("requiredClinicians");
        read.remove("minimumLevel");
        given().contentType(ContentType.JSON).body(read).put("/activities/{id}", id)
                .then().statusCode(200).body("seats.minimumLevel", equalTo(List.of("EXPERT", "TRAINEE")))
                .body("requiredClinicians", equalTo(1)).body("minimumLevel", equalTo("EXPERT"));
    }

    @Test
    void seatsThatDisagreeWithTheShorthandAreRefusedNamingSeats() {
        Map<String, Object> body = teachingList(null);
        body.put("requiredClinicians", 4);
        given().contentType(ContentType.JSON).body(body).post("/activities")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("seats"));

        body.put("requiredClinicians", 2);
        body.put("minimumLevel", "EXPERT");
        given().contentType(ContentType.JSON).body(body).post("/activities")
                .then().statusCode(400).body("field", equalTo("seats")).body("detail", containsString("minimumLevel"));

        body.put("minimumLevel", "QUALIFIED");
        given().contentType(ContentType.JSON).body(body).post("/activities").then().statusCode(201);
    }

    @Test
    void malformedSeatGroupsAreNamedByTheirIndex() {
        refused(withSeats(List.of(Map.of("minimumLevel", "EXPERT", "count", 1),
                Map.of("minimumLevel", "QUALIFIED", "count", 0))), "seats[1].count");
        refused(withSeats(List.of(Map.of("minimumLevel", "EXPERT", "count", 1),
                Map.of("count", 1))), "seats[1].minimumLevel");
        refused(withSeats(List.of(Map.of("minimumLevel", "EXPERT", "count", 1),
                Map.of("minimumLevel", "GURU", "count", 1))), "seats[1].minimumLevel");
        refused(withSeats(List.of()), "seats");
        refused(withSeats(List.of(Map.of("minimumLevel", "TRAINEE", "count", 2, "optional", true))), "seats");
        refused(withSeats(List.of(Map.of("minimumLevel", "EXPERT", "count", 1),
                Map.of("minimumLevel", "TRAINEE", "count", 1), Map.of("minimumLevel", "EXPERT", "count", 1))),
                "seats[2].minimumLevel");
        refused(withSeats(List.of(Map.of("minimumLevel", "EXPERT", "count", 30),
                Map.of("minimumLevel", "TRAINEE", "count", 30, "optional", true))), "seats");

        List<Object> withNull = new ArrayList<>();
        withNull.add(null);
        refused(withSeats(withNull), "seats[0]");

        Map<String, Object> negativeRatio = teachingList(null);
        negativeRatio.put("traineesPerSupervisor", -1);
        refused(negativeRatio, "traineesPerSupervisor");

        Map<String, Object> neither = Fixtures.activityBody(null);
        neither.remove("requiredClinicians");
        refused(neither, "requiredClinicians");
    }

    @Test
    void aBulkImportTakesSeatsAndNamesTheItemAndGroupOfAMalformedOne() {
        Map<String, Object> good = teachingList(null);
        Map<String, Object> bad = withSeats(List.of(Map.of("minimumLevel", "EXPERT", "count", 1),
                Map.of("minimumLevel", "QUALIFIED", "count", 0)));
        given().contentType(ContentType.JSON).body(Map.of("items", List.of(good, bad))).post("/activities/batch")
                .then().statusCode(400).body("errors.field", hasItem("items[1].seats[1].count"));
        Map<String, Object> disagreeing = teachingList(null);
        disagreeing.put("requiredClinicians", 1);
        given().contentType(ContentType.JSON).body(Map.of("items", List.of(good, disagreeing)))
                .post("/activities/batch")
                .then().statusCode(400).body("errors.field", hasItem("items[1].seats"));

        given().contentType(ContentType.JSON).body(Map.of("items", List.of(good))).post("/activities/batch")
                .then().statusCode(200).body("created", equalTo(1));
        given().contentType(ContentType.JSON).body(Map.of("items", List.of(good))).post("/activities/batch")
                .then().statusCode(200).body("unchanged", equalTo(1));
        given().queryParam("externalId", good.get("externalId")).get("/activities").then().statusCode(200)
                .body("items[0].seats.minimumLevel", equalTo(List.of("EXPERT", "QUALIFIED", "TRAINEE")))
                .body("items[0].traineesPerSupervisor", equalTo(1));
    }

    private static Map<String, Object> withSeats(List<?> seats) {
        Map<String, Object> body = Fixtures.activityBody(null);
        body.remove("requiredClinicians");
        body.put("seats", seats);
        return body;
    }

    private static void refused(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body).post("/activities")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo(field));
    }
}
