package org.rota.activity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

/** Every committed write is announced on rota.activities.v1 with the entity's full state, as the contract says. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class ActivityEventsTests {

    private final KafkaTestClient kafka = new KafkaTestClient(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    @Test
    void creatingAnActivityPublishesExactlyOneFullStateEvent() {
        String procedure = Fixtures.procedure();
        Map<String, Object> body = Fixtures.activityBody(procedure);
        String id = Fixtures.activity(body);

        List<ConsumerRecord<String, String>> events = kafka.readFor(Topics.ACTIVITIES,
                record -> record.key().equals("activity/" + id), Duration.ofSeconds(4));

        assertThat(events).hasSize(1);
        ConsumerRecord<String, String> event = events.get(0);
        assertThat(KafkaTestClient.header(event, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaTestClient.header(event, "ce_type")).isEqualTo(EventTypes.ACTIVITY);
        assertThat(KafkaTestClient.header(event, "ce_source")).isEqualTo("/rota/activity-service");
        assertThat(KafkaTestClient.header(event, "ce_subject")).isEqualTo(id);
        assertThat(KafkaTestClient.header(event, "ce_id")).isNotBlank();
        EventContracts.assertConforms(EventTypes.ACTIVITY, event.value());
        JsonPath state = JsonPath.from(event.value());
        assertThat(state.getString("externalId")).isEqualTo(body.get("externalId"));
        assertThat(state.getString("procedureCode")).isEqualTo(procedure);
        assertThat(state.getString("start")).isEqualTo(body.get("start"));
        assertThat(state.getString("end")).isEqualTo(body.get("end"));
        assertThat(state.getString("status")).isEqualTo("SCHEDULED");
        assertThat(state.getInt("version")).isZero();
    }

    @Test
    void activityChangesArriveInOrderWithTheirVersions() {
        Map<String, Object> body = Fixtures.activityBody(null);
        String id = Fixtures.activity(body);
        body.put("requiredClinicians", 3);
        body.put("version", 0);
        given().contentType(ContentType.JSON).body(body).put("/activities/{id}", id).then().statusCode(200);
        given().delete("/activities/{id}", id).then().statusCode(200);

        List<ConsumerRecord<String, String>> events = kafka.await(Topics.ACTIVITIES,
                record -> record.key().equals("activity/" + id), 3, Duration.ofSeconds(20));

        assertThat(events).extracting(record -> JsonPath.from(record.value()).getInt("version"))
                .containsExactly(0, 1, 2);
        assertThat(events).extracting(record -> JsonPath.from(record.value()).getString("status"))
                .containsExactly("SCHEDULED", "SCHEDULED", "CANCELLED");
        assertThat(JsonPath.from(events.get(2).value()).getInt("requiredClinicians")).isEqualTo(3);
        events.forEach(record -> EventContracts.assertConforms(EventTypes.ACTIVITY, record.value()));
    }

    @Test
    void withdrawingAnAbsenceIsAnnouncedAsItsDeletedFinalState() {
        String clinician = Fixtures.clinician();
        String id = given().contentType(ContentType.JSON)
                .body(AbsenceApiTests.body(clinician, "2030-05-01T00:00:00Z", "2030-05-03T00:00:00Z", "Study leave"))
                .post("/absences").then().statusCode(201).extract().path("id");
        given().delete("/absences/{id}", id).then().statusCode(200);

        List<ConsumerRecord<String, String>> events = kafka.await(Topics.ACTIVITIES,
                record -> record.key().equals("absence/" + id), 2, Duration.ofSeconds(20));

        assertThat(events).hasSize(2);
        events.forEach(record -> {
            assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo(EventTypes.ABSENCE);
            EventContracts.assertConforms(EventTypes.ABSENCE, record.value());
        });
        JsonPath last = JsonPath.from(events.get(1).value());
        assertThat(last.getBoolean("deleted")).isTrue();
        assertThat(last.getInt("version")).isEqualTo(1);
        assertThat(last.getString("clinicianId")).isEqualTo(clinician);
        assertThat(last.getString("reason")).isEqualTo("Study leave");
    }

    @Test
    void preferenceChangesAndWithdrawalArePublished() {
        String clinician = Fixtures.clinician();
        String id = given().contentType(ContentType.JSON)
                .body(DayPreferenceApiTests.body(clinician, "2030-05-04", "DESIRED"))
                .post("/preferences").then().statusCode(201).extract().path("id");
        given().delete("/preferences/{id}", id).then().statusCode(200);

        List<ConsumerRecord<String, String>> events = kafka.await(Topics.ACTIVITIES,
                record -> record.key().equals("preference/" + id), 2, Duration.ofSeconds(20));

        assertThat(events).extracting(record -> KafkaTestClient.header(record, "ce_type"))
                .containsOnly(EventTypes.DAY_PREFERENCE);
        events.forEach(record -> EventContracts.assertConforms(EventTypes.DAY_PREFERENCE, record.value()));
        assertThat(events).extracting(record -> JsonPath.from(record.value()).getBoolean("deleted"))
                .containsExactly(false, true);
    }

    @Test
    void aBatchAnnouncesWhatItChangedAndARepeatedBatchNothing() {
        String department = "EV" + System.nanoTime();
        List<Map<String, Object>> items = ActivityBatchImportTests.items(department, 5, List.of());
        given().contentType(ContentType.JSON).body(Map.of("items", items)).post("/activities/batch")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("items", items)).post("/activities/batch")
                .then().statusCode(200);

        // waits for a sixth event that must never come (a plain string match: parsing every record would be slow)
        List<ConsumerRecord<String, String>> events = kafka.await(Topics.ACTIVITIES,
                record -> record.value().contains("\"department\":\"" + department + "\""), 6,
                Duration.ofSeconds(8));
        assertThat(events).hasSize(5);
        events.forEach(record -> EventContracts.assertConforms(EventTypes.ACTIVITY, record.value()));
    }

    @Test
    void aRefusedWritePublishesNothing() {
        Map<String, Object> body = Fixtures.activityBody("NOSUCHCODE");
        given().contentType(ContentType.JSON).body(body).post("/activities").then().statusCode(422);

        List<ConsumerRecord<String, String>> events = kafka.readFor(Topics.ACTIVITIES,
                record -> record.value().contains("\"externalId\":\"" + body.get("externalId") + "\""),
                Duration.ofSeconds(3));
        assertThat(events).isEmpty();
    }
}
