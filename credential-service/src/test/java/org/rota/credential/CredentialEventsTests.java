package org.rota.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

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
import io.restassured.path.json.JsonPath;

/** Every committed write is announced on rota.credentials.v1 with the entity's full state, as the contract says. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class CredentialEventsTests {

    private final KafkaTestClient kafka = new KafkaTestClient(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    @Test
    void creatingAClinicianPublishesExactlyOneFullStateEvent() {
        String id = Fixtures.clinician("Dr Event", "UROLOGY");

        List<ConsumerRecord<String, String>> events = kafka.readFor(Topics.CREDENTIALS,
                record -> record.key().equals("clinician/" + id), Duration.ofSeconds(5));

        assertThat(events).hasSize(1);
        ConsumerRecord<String, String> event = events.get(0);
        assertThat(KafkaTestClient.header(event, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaTestClient.header(event, "ce_type")).isEqualTo(EventTypes.CLINICIAN);
        assertThat(KafkaTestClient.header(event, "ce_source")).isEqualTo("/rota/credential-service");
        assertThat(KafkaTestClient.header(event, "ce_subject")).isEqualTo(id);
        assertThat(KafkaTestClient.header(event, "ce_id")).isNotBlank();
        assertThat(KafkaTestClient.header(event, "content-type")).isEqualTo("application/json");
        EventContracts.assertConforms(EventTypes.CLINICIAN, event.value());
        JsonPath state = JsonPath.from(event.value());
        assertThat(state.getString("displayName")).isEqualTo("Dr Event");
        assertThat(state.getList("departments")).containsExactly("UROLOGY");
        assertThat(state.getInt("version")).isZero();
    }

    @Test
    void aTraineeCredentialIsAnnouncedWithItsLevel() {
        String id = Fixtures.credential(Fixtures.clinician("Dr Trainee", "GENSURG"), Fixtures.procedure(), "TRAINEE",
                "2026-01-01", null);

        List<ConsumerRecord<String, String>> events = kafka.await(Topics.CREDENTIALS,
                record -> record.key().equals("credential/" + id), 1, Duration.ofSeconds(20));

        EventContracts.assertConforms(EventTypes.CREDENTIAL, events.get(0).value());
        assertThat(JsonPath.from(events.get(0).value()).getString("level")).isEqualTo("TRAINEE");
    }

    @Test
    void credentialChangesArriveInOrderWithTheirVersions() {
        String clinician = Fixtures.clinician("Dr Ordered", "UROLOGY");
        String procedure = Fixtures.procedure();
        String id = Fixtures.credential(clinician, procedure, "QUALIFIED", "2026-01-01", null);
        given().post("/credentials/{id}/suspend", id).then().statusCode(200);
        given().post("/credentials/{id}/reinstate", id).then().statusCode(200);
        given().post("/credentials/{id}/revoke", id).then().statusCode(200);

        List<ConsumerRecord<String, String>> events = kafka.await(Topics.CREDENTIALS,
                record -> record.key().equals("credential/" + id), 4, Duration.ofSeconds(20));

        assertThat(events).extracting(record -> JsonPath.from(record.value()).getInt("version"))
                .containsExactly(0, 1, 2, 3);
        assertThat(events).extracting(record -> JsonPath.from(record.value()).getString("status"))
                .containsExactly("ACTIVE", "SUSPENDED", "ACTIVE", "REVOKED");
        events.forEach(record -> {
            assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo(EventTypes.CREDENTIAL);
            EventContracts.assertConforms(EventTypes.CREDENTIAL, record.value());
        });
        JsonPath last = JsonPath.from(events.get(3).value());
        assertThat(last.getString("clinicianId")).isEqualTo(clinician);
        assertThat(last.getString("procedureCode")).isEqualTo(procedure);
        assertThat(last.getString("level")).isEqualTo("QUALIFIED");
    }

    @Test
    void procedureChangesArePublished() {
        String code = Fixtures.procedure();
        String id = given().get("/procedures/{code}", code).then().extract().path("id");

        List<ConsumerRecord<String, String>> events = kafka.await(Topics.CREDENTIALS,
                record -> record.key().equals("procedure/" + id), 1, Duration.ofSeconds(20));

        assertThat(events).hasSize(1);
        assertThat(KafkaTestClient.header(events.get(0), "ce_type")).isEqualTo(EventTypes.PROCEDURE);
        EventContracts.assertConforms(EventTypes.PROCEDURE, events.get(0).value());
    }

    @Test
    void aRefusedWritePublishesNothing() {
        String clinician = Fixtures.clinician("Dr Refused", "UROLOGY");
        String procedure = Fixtures.procedure();
        Fixtures.credential(clinician, procedure, "EXPERT", "2026-01-01", null);
        given().contentType("application/json")
                .body(Fixtures.credentialBody(clinician, procedure, "EXPERT", "2026-03-01", null))
                .post("/credentials").then().statusCode(409);

        List<ConsumerRecord<String, String>> events = kafka.readFor(Topics.CREDENTIALS,
                record -> clinician.equals(JsonPath.from(record.value()).getString("clinicianId")),
                Duration.ofSeconds(3));
        assertThat(events).hasSize(1);
    }
}
