package org.rota.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.rota.events.EventTypes;
import org.rota.events.Topics;
import org.rota.infra.KafkaTestClient;
import org.rota.platform.security.Roles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Other hospital systems write into Rota through rota.credentials.inbound.v1. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class InboundCredentialsTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String HR = "/hospital/hr";

    private final KafkaTestClient kafka = new KafkaTestClient(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    @Test
    void upsertedClinicianIsVisibleOverRest() {
        String externalId = "HR-" + UUID.randomUUID();
        publish(UUID.randomUUID().toString(), EventTypes.CLINICIAN_UPSERT, externalId, clinicianUpsert(externalId, "Dr Inbound"));

        awaitClinician(externalId).body("items[0].displayName", equalTo("Dr Inbound"))
                .body("items[0].role", equalTo("RESIDENT"))
                .body("items[0].departments[0]", equalTo("GASTRO"));

        publish(UUID.randomUUID().toString(), EventTypes.CLINICIAN_UPSERT, externalId, clinicianUpsert(externalId, "Dr Renamed"));
        await().atMost(PATIENCE).untilAsserted(() -> clinicianByExternalId(externalId)
                .body("items[0].displayName", equalTo("Dr Renamed"))
                .body("items[0].version", equalTo(1)));
    }

    @Test
    void theSameEventTwiceIsAppliedOnce() {
        String externalId = "HR-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        publish(eventId, EventTypes.CLINICIAN_UPSERT, externalId, clinicianUpsert(externalId, "Dr Once"));
        publish(eventId, EventTypes.CLINICIAN_UPSERT, externalId, clinicianUpsert(externalId, "Dr Once"));
        // a later event on the same partition proves both earlier ones were consumed
        String marker = "HR-" + UUID.randomUUID();
        publish(UUID.randomUUID().toString(), EventTypes.CLINICIAN_UPSERT, externalId, clinicianUpsert(marker, "Dr Marker"));

        awaitClinician(marker);
        clinicianByExternalId(externalId).body("items[0].version", equalTo(0));
    }

    @Test
    void poisonMessageGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String poisonId = UUID.randomUUID().toString();
        publish(poisonId, EventTypes.CLINICIAN_UPSERT, "poison", "{this is not json");
        String invalidId = UUID.randomUUID().toString();
        String invalidExternalId = "HR-" + UUID.randomUUID();
        publish(invalidId, EventTypes.CLINICIAN_UPSERT, invalidExternalId,
                clinicianUpsert(invalidExternalId, "Dr Invalid").replace("0.6", "3.5"));
        String next = "HR-" + UUID.randomUUID();
        publish(UUID.randomUUID().toString(), EventTypes.CLINICIAN_UPSERT, next, clinicianUpsert(next, "Dr After Poison"));

        awaitClinician(next);
        List<ConsumerRecord<String, String>> deadLetters = kafka.await(Topics.deadLetter(Topics.CREDENTIALS_INBOUND),
                record -> List.of(poisonId, invalidId).contains(KafkaTestClient.header(record, "ce_id")), 2, PATIENCE);
        assertThat(deadLetters).hasSize(2);
        assertThat(deadLetters).allSatisfy(record ->
                assertThat(KafkaTestClient.header(record, "dead-letter-reason")).isNotBlank());
        assertThat(deadLetters).anySatisfy(record ->
                assertThat(KafkaTestClient.header(record, "dead-letter-reason")).contains("fte"));
        clinicianByExternalId(invalidExternalId).body("totalItems", equalTo(0));
    }

    @Test
    void aMessageFromASourceNotOnTheAllowListGoesToTheDeadLetterTopicUnapplied() {
        String strangerId = UUID.randomUUID().toString();
        String externalId = "HR-" + UUID.randomUUID();
        kafka.send(Topics.CREDENTIALS_INBOUND, externalId, clinicianUpsert(externalId, "Dr Stranger"), Map.of(
                "ce_specversion", "1.0", "ce_id", strangerId, "ce_source", "/somewhere/else",
                "ce_type", EventTypes.CLINICIAN_UPSERT, "content-type", "application/json"));
        String next = "HR-" + UUID.randomUUID();
        publish(UUID.randomUUID().toString(), EventTypes.CLINICIAN_UPSERT, next, clinicianUpsert(next, "Dr Allowed"));

        awaitClinician(next);
        ConsumerRecord<String, String> deadLetter = kafka.await(Topics.deadLetter(Topics.CREDENTIALS_INBOUND),
                record -> strangerId.equals(KafkaTestClient.header(record, "ce_id")), 1, PATIENCE).get(0);
        assertThat(KafkaTestClient.header(deadLetter, "dead-letter-reason"))
                .contains("ce_source").contains("/somewhere/else").contains("allow-list");
        clinicianByExternalId(externalId).body("totalItems", equalTo(0));
    }

    @Test
    void structuredModeCloudEventsAreAccepted() {
        String externalId = "HR-" + UUID.randomUUID();
        String event = """
                {"specversion":"1.0","id":"%s","source":"%s","type":"%s","datacontenttype":"application/json",
                 "data":%s}""".formatted(UUID.randomUUID(), HR, EventTypes.CLINICIAN_UPSERT,
                clinicianUpsert(externalId, "Dr Structured"));
        kafka.send(Topics.CREDENTIALS_INBOUND, externalId, event,
                Map.of("content-type", "application/cloudevents+json"));

        awaitClinician(externalId).body("items[0].displayName", equalTo("Dr Structured"));
    }

    @Test
    void credentialingOfficeGrantsAndRevokesByExternalId() {
        String clinician = "HR-" + UUID.randomUUID();
        publish(UUID.randomUUID().toString(), EventTypes.CLINICIAN_UPSERT, clinician, clinicianUpsert(clinician, "Dr Office"));
        String procedure = "P" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        publish(UUID.randomUUID().toString(), EventTypes.PROCEDURE_UPSERT, procedure,
                "{\"code\":\"%s\",\"name\":\"Colposcopy\"}".formatted(procedure));
        String credential = "CRED-" + UUID.randomUUID();
        publish(UUID.randomUUID().toString(), EventTypes.CREDENTIAL_UPSERT, credential, credentialUpsert(credential,
                clinician, procedure, "ACTIVE"));
        publish(UUID.randomUUID().toString(), EventTypes.CREDENTIAL_UPSERT, credential, credentialUpsert(credential,
                clinician, procedure, "REVOKED"));

        String clinicianId = awaitClinician(clinician).extract().path("items[0].id");
        await().atMost(PATIENCE).untilAsserted(() -> given().queryParam("clinicianId", clinicianId).get("/credentials")
                .then().body("items[0].status", equalTo("REVOKED")).body("items[0].externalId", equalTo(credential)));
        String credentialId = given().queryParam("clinicianId", clinicianId).get("/credentials")
                .then().extract().path("items[0].id");
        given().get("/credentials/{id}/history", credentialId)
                .then().body("actor[0]", equalTo("kafka:" + HR)).body("kind[-1]", equalTo("REVOKED"));
    }

    @Test
    void theOfficeMayNameWhenAStatusChangeTakesEffect() {
        String clinician = "HR-" + UUID.randomUUID();
        publish(UUID.randomUUID().toString(), EventTypes.CLINICIAN_UPSERT, clinician, clinicianUpsert(clinician, "Dr Dated"));
        String procedure = "P" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        publish(UUID.randomUUID().toString(), EventTypes.PROCEDURE_UPSERT, procedure,
                "{\"code\":\"%s\",\"name\":\"Cystoscopy\"}".formatted(procedure));
        String clinicianId = awaitClinician(clinician).extract().path("items[0].id");
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/procedures/{code}", procedure).then().statusCode(200));
        String credential = "CRED-" + UUID.randomUUID();
        publish(UUID.randomUUID().toString(), EventTypes.CREDENTIAL_UPSERT, credential,
                credentialUpsert(credential, clinician, procedure, "ACTIVE"));
        String effective = java.time.Instant.now().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        publish(UUID.randomUUID().toString(), EventTypes.CREDENTIAL_UPSERT, credential,
                credentialUpsert(credential, clinician, procedure, "SUSPENDED")
                        .replace("}", ",\"statusEffectiveFrom\":\"" + effective + "\"}"));

        await().atMost(PATIENCE).untilAsserted(() -> given().queryParam("clinicianId", clinicianId).get("/credentials")
                .then().body("items[0].status", equalTo("SUSPENDED"))
                .body("items[0].statusHistory[1].effectiveFrom", equalTo(effective)));
    }

    @Test
    void anIdenticalUpsertChangesNothingAndAStatusAndFieldChangeIsOneVersionWithOneHistoryRow() {
        String clinician = "HR-" + UUID.randomUUID();
        publish(UUID.randomUUID().toString(), EventTypes.CLINICIAN_UPSERT, clinician, clinicianUpsert(clinician, "Dr Same"));
        String procedure = "P" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        publish(UUID.randomUUID().toString(), EventTypes.PROCEDURE_UPSERT, procedure,
                "{\"code\":\"%s\",\"name\":\"Vasectomy\"}".formatted(procedure));
        String clinicianId = awaitClinician(clinician).extract().path("items[0].id");
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/procedures/{code}", procedure).then().statusCode(200));

        String credential = "CRED-" + UUID.randomUUID();
        String granted = credentialUpsert(credential, clinician, procedure, "ACTIVE");
        publish(UUID.randomUUID().toString(), EventTypes.CREDENTIAL_UPSERT, credential, granted);
        // the same state again under new event ids: the office resends its whole file
        publish(UUID.randomUUID().toString(), EventTypes.CREDENTIAL_UPSERT, credential, granted);
        publish(UUID.randomUUID().toString(), EventTypes.CLINICIAN_UPSERT, clinician, clinicianUpsert(clinician, "Dr Same"));
        // keyed like the clinician, so that the message after it on that key proves it was consumed
        publish(UUID.randomUUID().toString(), EventTypes.PROCEDURE_UPSERT, clinician,
                "{\"code\":\"%s\",\"name\":\"Vasectomy\"}".formatted(procedure));
        // then one change of status and level together
        publish(UUID.randomUUID().toString(), EventTypes.CREDENTIAL_UPSERT, credential,
                credentialUpsert(credential, clinician, procedure, "SUSPENDED").replace("EXPERT", "QUALIFIED"));

        await().atMost(PATIENCE).untilAsserted(() -> given().queryParam("clinicianId", clinicianId).get("/credentials")
                .then().body("items[0].status", equalTo("SUSPENDED")));
        given().queryParam("clinicianId", clinicianId).get("/credentials").then()
                .body("items[0].level", equalTo("QUALIFIED"))
                .body("items[0].version", equalTo(1));
        String credentialId = given().queryParam("clinicianId", clinicianId).get("/credentials")
                .then().extract().path("items[0].id");
        given().get("/credentials/{id}/history", credentialId).then()
                .body("kind", equalTo(List.of("GRANTED", "SUSPENDED")))
                .body("version", equalTo(List.of(0, 1)));
        // the clinician's and procedure's messages share the credential's partition only by chance: wait for the
        // message after them on their key before reading their versions
        String after = "HR-" + UUID.randomUUID();
        publish(UUID.randomUUID().toString(), EventTypes.CLINICIAN_UPSERT, clinician, clinicianUpsert(after, "Dr After"));
        awaitClinician(after);
        clinicianByExternalId(clinician).body("items[0].version", equalTo(0));
        given().get("/procedures/{code}", procedure).then().body("version", equalTo(0));
    }

    @Test
    void aBadMessageInABatchGoesAloneToTheDeadLetterTopicAndTheRestOfTheBatchIsApplied() {
        String department = "BATCH" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        List<ProducerRecord<String, String>> batch = new ArrayList<>();
        List<String> good = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String externalId = "HR-" + UUID.randomUUID();
            good.add(externalId);
            batch.add(record(UUID.randomUUID().toString(), EventTypes.CLINICIAN_UPSERT, externalId,
                    clinicianUpsert(externalId, "Dr Batch " + i).replace("GASTRO", department)));
        }
        String invalidId = UUID.randomUUID().toString();
        String invalid = "HR-" + UUID.randomUUID();
        batch.add(10, record(invalidId, EventTypes.CLINICIAN_UPSERT, invalid,
                clinicianUpsert(invalid, "Dr Invalid").replace("0.6", "3.5").replace("GASTRO", department)));
        String unknownReferenceId = UUID.randomUUID().toString();
        String orphan = "CRED-" + UUID.randomUUID();
        batch.add(20, record(unknownReferenceId, EventTypes.CREDENTIAL_UPSERT, orphan,
                credentialUpsert(orphan, "HR-NOBODY-" + UUID.randomUUID(), "VAS", "ACTIVE")));
        kafka.sendTogether(batch);

        await().atMost(PATIENCE).untilAsserted(() -> given().queryParam("department", department).get("/clinicians")
                .then().body("totalItems", equalTo(30)));
        List<ConsumerRecord<String, String>> deadLetters = kafka.await(Topics.deadLetter(Topics.CREDENTIALS_INBOUND),
                record -> List.of(invalidId, unknownReferenceId).contains(KafkaTestClient.header(record, "ce_id")),
                2, PATIENCE);
        assertThat(deadLetters).extracting(record -> KafkaTestClient.header(record, "ce_id"))
                .containsExactlyInAnyOrder(invalidId, unknownReferenceId);
        assertThat(deadLetters).anySatisfy(record ->
                assertThat(KafkaTestClient.header(record, "dead-letter-reason")).contains("fte"));
        assertThat(deadLetters).anySatisfy(record ->
                assertThat(KafkaTestClient.header(record, "dead-letter-reason")).contains("clinicianExternalId"));
        clinicianByExternalId(invalid).body("totalItems", equalTo(0));
        assertThat(kafka.readFor(Topics.deadLetter(Topics.CREDENTIALS_INBOUND),
                record -> good.contains(record.key()), Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void eachChangeOfABatchIsPublishedOnceAndInOrderEvenWhenABadMessageRollsBackItsTransaction() {
        String department = "ORDER" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String renamed = "HR-" + UUID.randomUUID();
        List<ProducerRecord<String, String>> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String externalId = i % 5 == 0 ? renamed : "HR-" + UUID.randomUUID();
            batch.add(record(UUID.randomUUID().toString(), EventTypes.CLINICIAN_UPSERT, externalId,
                    clinicianUpsert(externalId, "Dr Order " + i).replace("GASTRO", department)));
        }
        // refused after the first rename: the transaction holding the messages before it is rolled back and redone
        String invalid = "HR-" + UUID.randomUUID();
        batch.add(7, record(UUID.randomUUID().toString(), EventTypes.CLINICIAN_UPSERT, invalid,
                clinicianUpsert(invalid, "Dr Invalid").replace("0.6", "3.5").replace("GASTRO", department)));
        kafka.sendTogether(batch);

        await().atMost(PATIENCE).untilAsserted(() -> clinicianByExternalId(renamed)
                .body("items[0].displayName", equalTo("Dr Order 15")));
        String id = clinicianByExternalId(renamed).extract().path("items[0].id");
        String key = EventTypes.key("clinician", id);
        List<ConsumerRecord<String, String>> events = kafka.await(Topics.CREDENTIALS,
                record -> key.equals(record.key()), 4, PATIENCE);
        assertThat(events).extracting(record -> field(record, "displayName"))
                .containsExactly("Dr Order 0", "Dr Order 5", "Dr Order 10", "Dr Order 15");
        assertThat(events).extracting(record -> field(record, "version")).containsExactly("0", "1", "2", "3");
        assertThat(kafka.readFor(Topics.CREDENTIALS, record -> key.equals(record.key()), Duration.ofSeconds(2)))
                .hasSize(4);
    }

    private static String field(ConsumerRecord<String, String> event, String name) {
        try {
            return new ObjectMapper().readTree(event.value()).path(name).asText();
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + event.value(), e);
        }
    }

    private ProducerRecord<String, String> record(String eventId, String type, String key, String data) {
        return KafkaTestClient.cloudEvent(Topics.CREDENTIALS_INBOUND, key, eventId, HR, type, data);
    }

    private void publish(String eventId, String type, String key, String data) {
        kafka.send(Topics.CREDENTIALS_INBOUND, key, data, Map.of(
                "ce_specversion", "1.0",
                "ce_id", eventId,
                "ce_source", HR,
                "ce_type", type,
                "content-type", "application/json"));
    }

    @Test
    void aResidentsTraineeCredentialFromTheOfficeIsApplied() {
        Map<String, Object> resident = Fixtures.clinicianBody("Dr Resident", "GENSURG", null);
        resident.put("role", "RESIDENT");
        String clinicianId = given().contentType(ContentType.JSON).body(resident).post("/clinicians")
                .then().statusCode(201).extract().path("id");
        String procedure = Fixtures.procedure();
        String credential = "CRED-" + UUID.randomUUID();

        publish(UUID.randomUUID().toString(), EventTypes.CREDENTIAL_UPSERT, credential,
                credentialUpsert(credential, (String) resident.get("externalId"), procedure, "ACTIVE")
                        .replace("EXPERT", "TRAINEE"));

        await().atMost(PATIENCE).untilAsserted(() -> given().queryParam("clinicianId", clinicianId).get("/credentials")
                .then().body("items[0].level", equalTo("TRAINEE")).body("items[0].procedureCode", equalTo(procedure)));
    }

    private static String clinicianUpsert(String externalId, String name) {
        return """
                {"externalId":"%s","displayName":"%s","role":"RESIDENT","departments":["GASTRO"],"fte":0.6,
                 "maxMinutesPerWeek":1800}""".formatted(externalId, name);
    }

    private static String credentialUpsert(String externalId, String clinician, String procedure, String status) {
        return """
                {"externalId":"%s","clinicianExternalId":"%s","procedureCode":"%s","level":"EXPERT",
                 "validFrom":"2026-01-01","validUntil":"2027-12-31","status":"%s"}"""
                .formatted(externalId, clinician, procedure, status);
    }

    private static ValidatableResponse awaitClinician(String externalId) {
        await().atMost(PATIENCE).untilAsserted(() -> clinicianByExternalId(externalId).body("totalItems", equalTo(1)));
        return clinicianByExternalId(externalId);
    }

    private static ValidatableResponse clinicianByExternalId(String externalId) {
        return given().queryParam("externalId", externalId).get("/clinicians").then().statusCode(200);
    }
}
