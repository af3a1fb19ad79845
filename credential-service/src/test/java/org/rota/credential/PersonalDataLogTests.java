package org.rota.credential;

import io.quarkus.test.security.TestSecurity;
import org.rota.platform.security.Roles;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.rota.events.EventTypes;
import org.rota.events.Topics;
import org.rota.infra.KafkaTestClient;
import org.rota.infra.LogCapture;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Clinicians' names and the reasons of credential decisions never reach the log, whatever happens to them. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class PersonalDataLogTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String NAME = "Dr Ottoline Brackwater " + SUFFIX;
    private static final String INBOUND_NAME = "Dr Peregrine Marchbank " + SUFFIX;
    private static final String INVALID_NAME = "Dr Isolde Fenwright " + SUFFIX;
    private static final String STRANGER_NAME = "Dr Casimir Holloway " + SUFFIX;
    private static final String SUSPENSION_REASON = "sick leave after surgery " + SUFFIX;
    private static final String REVOCATION_REASON = "complaint by patient Agnes Tumbleby " + SUFFIX;

    private final KafkaTestClient kafka = new KafkaTestClient(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    @Test
    void aRealisticFlowWithBadInputLogsNoNameAndNoReason() {
        List<String> log;
        try (LogCapture capture = LogCapture.start()) {
            String clinician = Fixtures.clinician(NAME, "UROLOGY");
            String credential = Fixtures.credential(clinician, Fixtures.procedure(), "EXPERT", "2026-01-01", null);
            given().contentType(ContentType.JSON).body(Map.of("reason", SUSPENSION_REASON))
                    .post("/credentials/{id}/suspend", credential).then().statusCode(200);
            given().contentType(ContentType.JSON).body(Map.of("reason", REVOCATION_REASON))
                    .post("/credentials/{id}/revoke", credential).then().statusCode(200);
            Map<String, Object> invalid = Fixtures.clinicianBody(INVALID_NAME, "UROLOGY", null);
            invalid.put("fte", INVALID_NAME);
            given().contentType(ContentType.JSON).body(invalid).post("/clinicians").then().statusCode(400);
            given().contentType(ContentType.JSON).body(Fixtures.clinicianBody(NAME, "UROLOGY", 7))
                    .put("/clinicians/{id}", clinician).then().statusCode(409);

            String good = UUID.randomUUID().toString();
            String unreadable = UUID.randomUUID().toString();
            String stranger = UUID.randomUUID().toString();
            inbound(good, "/hospital/hr", upsert("HR-" + good, INBOUND_NAME, "0.6"));
            inbound(unreadable, "/hospital/hr", upsert("HR-" + unreadable, INVALID_NAME, "\"" + INVALID_NAME + "\""));
            inbound(stranger, "/somewhere/else", upsert("HR-" + stranger, STRANGER_NAME, "0.6"));
            assertThat(kafka.await(Topics.deadLetter(Topics.CREDENTIALS_INBOUND),
                    record -> List.of(unreadable, stranger).contains(KafkaTestClient.header(record, "ce_id")), 2,
                    PATIENCE)).hasSize(2);
            assertThat(kafka.await(Topics.CREDENTIALS, record -> record.value().contains(INBOUND_NAME), 1, PATIENCE))
                    .hasSize(1);
            log = capture.lines();
        }

        assertThat(log).as("the flow logged something (the dead letters)").isNotEmpty();
        for (String secret : List.of(NAME, INBOUND_NAME, INVALID_NAME, STRANGER_NAME, SUSPENSION_REASON,
                REVOCATION_REASON, SUFFIX)) {
            assertThat(log).noneMatch(line -> line.contains(secret));
        }
    }

    private void inbound(String eventId, String source, String data) {
        kafka.send(Topics.CREDENTIALS_INBOUND, eventId, data, Map.of("ce_specversion", "1.0", "ce_id", eventId,
                "ce_source", source, "ce_type", EventTypes.CLINICIAN_UPSERT, "content-type", "application/json"));
    }

    private static String upsert(String externalId, String name, String fte) {
        return """
                {"externalId":"%s","displayName":"%s","role":"RESIDENT","departments":["GASTRO"],"fte":%s}"""
                .formatted(externalId, name, fte);
    }
}
