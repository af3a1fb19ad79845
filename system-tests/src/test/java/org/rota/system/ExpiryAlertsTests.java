package org.rota.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rota.events.EventTypes;
import org.rota.events.Topics;
import org.rota.infra.EventContracts;
import org.rota.infra.KafkaTestClient;
import org.rota.tools.client.RotaClient;

import com.fasterxml.jackson.databind.JsonNode;

/** credential-service's expiry warnings, as its consumers see them on rota.credentials.alerts.v1. */
class ExpiryAlertsTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** credential-service's rota.hospital.zone. */
    private static final ZoneId HOSPITAL = ZoneId.of("Europe/London");
    private static RotaSystem system;

    @BeforeAll
    static void startRota() {
        system = RotaSystem.get();
    }

    @Test
    void theExpiringWarningArrivesOncePerThresholdAcrossARestart() throws Exception {
        Hospital hospital = new Hospital(system.rota, 4);
        String clinician = hospital.clinician("Dr Renewal Due");
        String procedure = hospital.procedure();
        LocalDate today = LocalDate.now(HOSPITAL);
        LocalDate validUntil = today.plusDays(10);
        String credential = system.rota.post(system.rota.credentials + "/credentials", Map.of(
                "clinicianId", clinician, "procedureCode", procedure, "level", "EXPERT",
                "validFrom", "2026-01-01", "validUntil", validUntil.toString()))
                .require("Granting a credential with 10 days left").path("id").asText();
        RotaClient admin = system.rota.as(system.token("admin"));

        admin.post(system.rota.credentials + "/credential-alerts/run", Map.of()).require("Checking every credential");
        system.credentials.stop();
        system.credentials.start();
        admin.post(system.rota.credentials + "/credential-alerts/run", Map.of())
                .require("Checking every credential after a restart");
        admin.post(system.rota.credentials + "/credential-alerts/run", Map.of()).require("Checking again");

        // a renewal to three days ahead: its 7-day warning is sent at once, on the credential's partition behind
        // everything sent for it before, so reading up to it reads every warning the checks could have sent
        LocalDate marker = LocalDate.now(HOSPITAL).plusDays(3);
        JsonNode state = system.rota.get(system.rota.credentials + "/credentials/" + credential).require("Reading");
        Map<String, Object> renewal = new HashMap<>();
        renewal.put("level", "EXPERT");
        renewal.put("validFrom", "2026-01-01");
        renewal.put("validUntil", marker.toString());
        renewal.put("version", state.path("version").asLong());
        system.rota.put(system.rota.credentials + "/credentials/" + credential, renewal).require("Renewing");
        List<ConsumerRecord<String, String>> alerts = system.topics.awaitUntil(Topics.CREDENTIAL_ALERTS,
                record -> record.key().equals(credential),
                matching -> matching.stream().anyMatch(record -> record.value().contains(
                        "\"validUntil\":\"" + marker + "\"")),
                PATIENCE);

        assertThat(alerts).extracting(record -> KafkaTestClient.header(record, "ce_type"))
                .containsOnly(EventTypes.CREDENTIAL_EXPIRING);
        alerts.forEach(record -> EventContracts.assertConforms(EventTypes.CREDENTIAL_EXPIRING, record.value()));
        assertThat(alerts).extracting(record -> threshold(record) + " until " + validUntil(record))
                .containsExactly("14 until " + validUntil, "7 until " + marker);
    }

    private static int threshold(ConsumerRecord<String, String> record) {
        return json(record).path("threshold").asInt();
    }

    private static String validUntil(ConsumerRecord<String, String> record) {
        return json(record).path("validUntil").asText();
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return RotaClient.JSON.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
