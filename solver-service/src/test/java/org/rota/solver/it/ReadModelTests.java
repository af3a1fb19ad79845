package org.rota.solver.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.rota.events.EventTypes;
import org.rota.events.Topics;
import org.rota.infra.KafkaTestClient;
import org.rota.solver.domain.KnownClinician;
import org.rota.solver.domain.KnownCredential;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The read model follows the change topics idempotently, survives garbage and can be rebuilt from offset 0. */
@QuarkusTest
class ReadModelTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    EntityManager em;

    @Test
    void duplicateAndStaleEventsChangeNothing() {
        Department d = new Department();
        String id = UUID.randomUUID().toString();
        d.clinician(id, "Dr Version Two", 2, true);
        d.clinician(id, "Dr Version Two", 2, true);
        d.clinician(id, "Dr Version One", 1, true);
        String marker = d.clinician("Dr Marker", 0, true);
        // the marker shares the topic; once it is applied, the three earlier events were consumed
        await().atMost(PATIENCE).until(() -> clinician(marker) != null);
        await().atMost(PATIENCE).until(() -> clinician(id) != null);

        KnownClinician held = clinician(id);
        assertThat(held.version).isEqualTo(2);
        assertThat(held.displayName).isEqualTo("Dr Version Two");
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndTheProjectionGoesOn() {
        Department d = new Department();
        d.publish(Topics.CREDENTIALS, EventTypes.CREDENTIAL, "credential/poison", "{\"id\":\"not-a-uuid\",\"version\":0}");
        d.publish(Topics.CREDENTIALS, EventTypes.CREDENTIAL, "credential/garbage", "<xml/>");
        String next = d.clinician("Dr After Poison", 0, true);

        await().atMost(PATIENCE).until(() -> clinician(next) != null);
        List<ConsumerRecord<String, String>> dead = d.kafka.await(Topics.deadLetter(Topics.CREDENTIALS),
                record -> List.of("credential/poison", "credential/garbage").contains(record.key()), 2, PATIENCE);
        assertThat(dead).hasSize(2);
        assertThat(dead).allSatisfy(record ->
                assertThat(KafkaTestClient.header(record, "dead-letter-reason")).isNotBlank());
    }

    @Test
    void theReadModelRebuiltFromOffsetZeroEqualsTheLiveOne() {
        Department d = new Department();
        String clinician = d.clinician("Dr Rebuilt", 0, true);
        String credential = d.credential(clinician, "VAS", "EXPERT", "ACTIVE", 0);
        d.credential(credential, clinician, "VAS", "EXPERT", "SUSPENDED", 1);
        d.activity("VAS", d.at(0, 8), d.at(0, 12), 1);
        await().atMost(PATIENCE).until(() -> {
            KnownCredential held = QuarkusTransaction.requiringNew().call(() -> em.find(KnownCredential.class,
                    UUID.fromString(credential)));
            return held != null && held.version == 1;
        });
        List<String> live = settledSnapshot();

        given().post("/read-model/rebuild").then().statusCode(200);

        assertThat(snapshot()).isEqualTo(live);
    }

    private KnownClinician clinician(String id) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(KnownClinician.class, UUID.fromString(id)));
    }

    /**
     * The live model once the projection has caught up with the topics (other tests' events may still be arriving):
     * two snapshots a second apart that agree.
     */
    private List<String> settledSnapshot() {
        List<List<String>> last = new java.util.ArrayList<>(List.of(snapshot()));
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            List<String> now = snapshot();
            boolean settled = now.equals(last.get(0));
            last.set(0, now);
            return settled;
        });
        return last.get(0);
    }

    /** Every read-model row as text, in a stable order. */
    @SuppressWarnings("unchecked")
    private List<String> snapshot() {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) em.createNativeQuery("""
                SELECT 'c ' || id || ' ' || departments || ' ' || fte || ' ' || active || ' ' || version FROM known_clinician
                UNION ALL SELECT 'k ' || id || ' ' || clinician_id || ' ' || procedure_code || ' ' || level || ' '
                    || status || ' ' || version FROM known_credential
                UNION ALL SELECT 'a ' || id || ' ' || department || ' ' || starts_at || ' ' || status || ' ' || version
                    FROM known_activity
                UNION ALL SELECT 'b ' || id || ' ' || clinician_id || ' ' || removed || ' ' || version FROM known_absence
                ORDER BY 1""").getResultList());
    }
}
