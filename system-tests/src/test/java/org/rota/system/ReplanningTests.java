package org.rota.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rota.events.EventTypes;
import org.rota.events.Topics;

import com.fasterxml.jackson.databind.JsonNode;

/** The three services together: a credential change anywhere re-plans the allocation within seconds. */
class ReplanningTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static RotaSystem system;

    @BeforeAll
    static void startRota() {
        system = RotaSystem.get();
    }

    @Test
    void revokingACredentialOverRestReplansAwayFromItWithASmallDiff() {
        Hospital hospital = new Hospital(system.rota, 2);
        String procedure = hospital.procedure();
        String expert = hospital.clinician("Dr Expert");
        String qualified = hospital.clinician("Dr Qualified");
        String expertCredential = hospital.credential(expert, procedure, "EXPERT", null);
        hospital.credential(qualified, procedure, "QUALIFIED", null);
        List<String> activities = hospital.activities(List.of(
                hospital.activity(procedure, 0, 8, 1),
                hospital.activity(null, 1, 9, 1),
                hospital.activity(null, 2, 9, 1)));

        JsonNode first = Allocations.await(system.topics, hospital.windowId(),
                a -> a.path("assignments").size() == 3, PATIENCE);
        assertThat(Allocations.holder(first, activities.get(0))).isEqualTo(expert);

        long revoked = System.nanoTime();
        system.rota.post(system.rota.credentials + "/credentials/" + expertCredential + "/revoke",
                Map.of("reason", "left the trust")).require("Revoking");
        JsonNode next = Allocations.await(system.topics, hospital.windowId(),
                a -> a.path("version").asLong() > first.path("version").asLong(), PATIENCE);

        assertThat(Duration.ofNanos(System.nanoTime() - revoked)).isLessThan(Duration.ofSeconds(15));
        assertThat(Allocations.holder(next, activities.get(0))).isEqualTo(qualified);
        assertThat(Allocations.diffSize(next)).isEqualTo(2);
        assertThat(Allocations.holder(next, activities.get(1))).isEqualTo(Allocations.holder(first, activities.get(1)));
        assertThat(Allocations.holder(next, activities.get(2))).isEqualTo(Allocations.holder(first, activities.get(2)));
    }

    @Test
    void anInboundMessageFromAnotherHospitalSystemReplansTheSameWay() {
        Hospital hospital = new Hospital(system.rota, 3);
        String procedure = hospital.procedure();
        String expert = hospital.clinician("Dr Office Expert");
        String qualified = hospital.clinician("Dr Office Qualified");
        String externalId = "OFFICE-" + UUID.randomUUID();
        hospital.credential(expert, procedure, "EXPERT", externalId);
        hospital.credential(qualified, procedure, "QUALIFIED", null);
        String activity = hospital.activities(List.of(hospital.activity(procedure, 1, 8, 1))).get(0);
        JsonNode first = Allocations.await(system.topics, hospital.windowId(),
                a -> expert.equals(Allocations.holder(a, activity)), PATIENCE);

        // the credentialing office suspends the credential through its own system
        String expertExternalId = hospital.clinicianState(expert).path("externalId").asText();
        system.topics.send(Topics.CREDENTIALS_INBOUND, externalId, """
                {"externalId":"%s","clinicianExternalId":"%s","procedureCode":"%s","level":"EXPERT",
                 "validFrom":"2026-01-01","status":"SUSPENDED"}""".formatted(externalId, expertExternalId, procedure),
                Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                        "ce_source", "/hospital/credentialing-office", "ce_type", EventTypes.CREDENTIAL_UPSERT,
                        "content-type", "application/json"));

        JsonNode next = Allocations.await(system.topics, hospital.windowId(),
                a -> a.path("version").asLong() > first.path("version").asLong(), PATIENCE);
        assertThat(Allocations.holder(next, activity)).isEqualTo(qualified);
        assertThat(Allocations.diffSize(next)).isEqualTo(2);
    }

    @Test
    void aCommittedChangeReachesKafkaEvenWhenTheServiceIsKilledRightAfterTheCommit() {
        Hospital hospital = new Hospital(system.rota, 4);
        String procedure = hospital.procedure();
        String expert = hospital.clinician("Dr Killed Expert");
        String qualified = hospital.clinician("Dr Survivor");
        String expertCredential = hospital.credential(expert, procedure, "EXPERT", null);
        hospital.credential(qualified, procedure, "QUALIFIED", null);
        String activity = hospital.activities(List.of(hospital.activity(procedure, 2, 13, 1))).get(0);
        JsonNode first = Allocations.await(system.topics, hospital.windowId(),
                a -> expert.equals(Allocations.holder(a, activity)), PATIENCE);

        // with the broker away the revocation can only wait in the outbox; then the service dies without warning
        system.kafka.stop();
        try {
            system.rota.post(system.rota.credentials + "/credentials/" + expertCredential + "/revoke", Map.of())
                    .require("Revoking");
            system.credentials.kill();
        } finally {
            startBroker();
        }
        system.credentials.start();

        JsonNode next = Allocations.await(system.topics, hospital.windowId(),
                a -> a.path("version").asLong() > first.path("version").asLong(), Duration.ofSeconds(90));
        assertThat(Allocations.holder(next, activity)).isEqualTo(qualified);
    }

    private static void startBroker() {
        try {
            system.kafka.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
