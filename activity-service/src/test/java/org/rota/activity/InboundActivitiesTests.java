package org.rota.activity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import io.restassured.response.ValidatableResponse;

/** Hospital scheduling systems write activities into Rota through rota.activities.inbound.v1. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class InboundActivitiesTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String EHR = "/hospital/ehr-scheduling";

    private final KafkaTestClient kafka = new KafkaTestClient(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    @Test
    void upsertedActivityIsCreatedThenUpdatedInPlace() {
        String procedure = Fixtures.procedure();
        String externalId = "EHR-" + UUID.randomUUID();
        String created = upsert(externalId, "Colposcopy clinic", procedure, "SCHEDULED");
        EventContracts.assertConforms(EventTypes.ACTIVITY_UPSERT, created);
        publish(UUID.randomUUID().toString(), externalId, created);

        awaitActivity(externalId).body("items[0].title", equalTo("Colposcopy clinic"))
                .body("items[0].procedureCode", equalTo(procedure))
                .body("items[0].minimumLevel", equalTo("QUALIFIED"));

        publish(UUID.randomUUID().toString(), externalId, upsert(externalId, "Colposcopy clinic", procedure, "CANCELLED"));
        await().atMost(PATIENCE).untilAsserted(() -> byExternalId(externalId)
                .body("items[0].status", equalTo("CANCELLED"))
                .body("items[0].version", equalTo(1)));
    }

    @Test
    void theSameEventTwiceIsAppliedOnce() {
        String externalId = "EHR-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        publish(eventId, externalId, upsert(externalId, "Once", null, null));
        publish(eventId, externalId, upsert(externalId, "Twice", null, null));
        // a later event on the same partition proves both earlier ones were consumed
        String marker = "EHR-" + UUID.randomUUID();
        publish(UUID.randomUUID().toString(), externalId, upsert(marker, "Marker", null, null));

        awaitActivity(marker);
        byExternalId(externalId).body("items[0].title", equalTo("Once")).body("items[0].version", equalTo(0));
    }

    @Test
    void poisonAndInvalidMessagesGoToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String poisonId = UUID.randomUUID().toString();
        publish(poisonId, "poison", "{this is not json");
        String invalidId = UUID.randomUUID().toString();
        String invalidExternalId = "EHR-" + UUID.randomUUID();
        publish(invalidId, invalidExternalId, upsert(invalidExternalId, "Bad", null, null).replace("\"requiredClinicians\":1",
                "\"requiredClinicians\":0"));
        String unknownCodeId = UUID.randomUUID().toString();
        String unknownCodeExternalId = "EHR-" + UUID.randomUUID();
        publish(unknownCodeId, unknownCodeExternalId, upsert(unknownCodeExternalId, "Unknown code", "NOSUCHCODE", null));
        String next = "EHR-" + UUID.randomUUID();
        publish(UUID.randomUUID().toString(), next, upsert(next, "After poison", null, null));

        awaitActivity(next);
        List<String> dead = List.of(poisonId, invalidId, unknownCodeId);
        List<ConsumerRecord<String, String>> deadLetters = kafka.await(Topics.deadLetter(Topics.ACTIVITIES_INBOUND),
                record -> dead.contains(KafkaTestClient.header(record, "ce_id")), 3, PATIENCE);
        assertThat(deadLetters).hasSize(3);
        assertThat(deadLetters).allSatisfy(record ->
                assertThat(KafkaTestClient.header(record, "dead-letter-reason")).isNotBlank());
        assertThat(deadLetters).anySatisfy(record ->
                assertThat(KafkaTestClient.header(record, "dead-letter-reason")).contains("requiredClinicians"));
        assertThat(deadLetters).anySatisfy(record ->
                assertThat(KafkaTestClient.header(record, "dead-letter-reason")).contains("NOSUCHCODE"));
        byExternalId(invalidExternalId).body("totalItems", equalTo(0));
        byExternalId(unknownCodeExternalId).body("totalItems", equalTo(0));
    }

    @Test
    void anUpsertMaySpellOutItsSeatsAndOneWhoseShorthandDisagreesIsDeadLettered() {
        String seats = "\"seats\":[{\"minimumLevel\":\"EXPERT\",\"count\":1},"
                + "{\"minimumLevel\":\"TRAINEE\",\"count\":2,\"optional\":true}],\"traineesPerSupervisor\":2";
        String externalId = "EHR-" + UUID.randomUUID();
        String withSeats = upsert(externalId, "Teaching list", null, null).replace("\"requiredClinicians\":1", seats);
        EventContracts.assertConforms(EventTypes.ACTIVITY_UPSERT, withSeats);
        String disagreeingId = UUID.randomUUID().toString();
        String disagreeingExternalId = "EHR-" + UUID.randomUUID();
        String disagreeing = upsert(disagreeingExternalId, "Teaching list", null, null)
                .replace("\"requiredClinicians\":1", "\"requiredClinicians\":3," + seats);
        publish(disagreeingId, disagreeingExternalId, disagreeing);
        publish(UUID.randomUUID().toString(), externalId, withSeats);

        awaitActivity(externalId).body("items[0].seats.minimumLevel", equalTo(List.of("EXPERT", "TRAINEE")))
                .body("items[0].seats.optional", equalTo(List.of(false, true)))
                .body("items[0].traineesPerSupervisor", equalTo(2));
        List<ConsumerRecord<String, String>> deadLetters = kafka.await(Topics.deadLetter(Topics.ACTIVITIES_INBOUND),
                record -> disagreeingId.equals(KafkaTestClient.header(record, "ce_id")), 1, PATIENCE);
        assertThat(KafkaTestClient.header(deadLetters.get(0), "dead-letter-reason")).contains("seats");
        byExternalId(disagreeingExternalId).body("totalItems", equalTo(0));
    }

    @Test
    void structuredModeCloudEventsAreAccepted() {
        String externalId = "EHR-" + UUID.randomUUID();
        String event = """
                {"specversion":"1.0","id":"%s","source":"%s","type":"%s","datacontenttype":"application/json",
                 "data":%s}""".formatted(UUID.randomUUID(), EHR, EventTypes.ACTIVITY_UPSERT,
                upsert(externalId, "Structured", null, null));
        kafka.send(Topics.ACTIVITIES_INBOUND, externalId, event, Map.of("content-type", "application/cloudevents+json"));

        awaitActivity(externalId).body("items[0].title", equalTo("Structured"));
    }

    private void publish(String eventId, String key, String data) {
        kafka.send(Topics.ACTIVITIES_INBOUND, key, data, Map.of(
                "ce_specversion", "1.0",
                "ce_id", eventId,
                "ce_source", EHR,
                "ce_type", EventTypes.ACTIVITY_UPSERT,
                "content-type", "application/json"));
    }

    private static String upsert(String externalId, String title, String procedure, String status) {
        return """
                {"externalId":"%s","department":"GYNAE","title":"%s","start":"2030-10-01T08:00:00Z",
                 "end":"2030-10-01T12:00:00Z","location":"Clinic 2","procedureCode":%s,"requiredClinicians":1,
                 "status":%s}""".formatted(externalId, title, procedure == null ? "null" : "\"" + procedure + "\"",
                status == null ? "null" : "\"" + status + "\"");
    }

    private static ValidatableResponse awaitActivity(String externalId) {
        await().atMost(PATIENCE).untilAsserted(() -> byExternalId(externalId).body("totalItems", equalTo(1)));
        return byExternalId(externalId);
    }

    private static ValidatableResponse byExternalId(String externalId) {
        return given().queryParam("externalId", externalId).get("/activities").then().statusCode(200);
    }
}
