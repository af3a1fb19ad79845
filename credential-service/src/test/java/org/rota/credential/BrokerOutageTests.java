package org.rota.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.net.URL;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.rota.events.Topics;
import org.rota.infra.InjectKafkaBroker;
import org.rota.infra.KafkaTestClient;
import org.rota.infra.LocalKafkaBroker;
import org.rota.platform.security.Roles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.specification.RequestSpecification;

/** A committed change reaches Kafka even when the broker was down at the time. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class BrokerOutageTests {

    @TestHTTPResource(value = "/", management = true)
    URL managementInterface;

    /** Health and metrics: the management interface, no token. */
    private RequestSpecification management() {
        return given().port(managementInterface.getPort());
    }

    @InjectKafkaBroker
    LocalKafkaBroker broker;

    @Test
    void writesSucceedWhileTheBrokerIsDownAndTheirEventsArriveLaterInOrder() {
        String clinician = Fixtures.clinician("Dr Outage", "UROLOGY");
        String procedure = Fixtures.procedure();
        String credential;
        String otherClinician;

        broker.stop();
        try {
            credential = Fixtures.credential(clinician, procedure, "QUALIFIED", "2026-01-01", null);
            given().post("/credentials/{id}/suspend", credential).then().statusCode(200);
            given().post("/credentials/{id}/reinstate", credential).then().statusCode(200);
            given().contentType(ContentType.JSON)
                    .body(Map.of("level", "EXPERT", "validFrom", "2026-01-01", "version", 2))
                    .put("/credentials/{id}", credential).then().statusCode(200);
            otherClinician = Fixtures.clinician("Dr Also During Outage", "UROLOGY");
            given().delete("/clinicians/{id}", otherClinician).then().statusCode(200);
            // stay down longer than the relay's send timeout (4 s in tests), so that it aborts the batch and sends it again
            management().get("/q/metrics").then().body(containsString("rota_outbox_pending"));
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            startAgain();
        }

        KafkaTestClient kafka = new KafkaTestClient(broker.bootstrapServers());
        List<Long> credentialVersions = versions(kafka.awaitUntil(Topics.CREDENTIALS,
                record -> record.key().equals("credential/" + credential), reachedVersion(3), Duration.ofSeconds(90)));
        List<Long> clinicianVersions = versions(kafka.awaitUntil(Topics.CREDENTIALS,
                record -> record.key().equals("clinician/" + otherClinician), reachedVersion(1), Duration.ofSeconds(30)));

        // at-least-once: a batch may be sent twice, but each key's versions first appear in commit order
        // and its last record is its newest state
        assertThat(credentialVersions.stream().distinct().toList()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(credentialVersions.get(credentialVersions.size() - 1)).isEqualTo(3L);
        assertThat(clinicianVersions.stream().distinct().toList()).containsExactly(0L, 1L);
    }

    private void startAgain() {
        try {
            broker.start();
        } catch (Exception e) {
            throw new IllegalStateException("The broker did not start again", e);
        }
    }

    private static Predicate<List<ConsumerRecord<String, String>>> reachedVersion(long version) {
        return records -> versions(records).contains(version);
    }

    private static List<Long> versions(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(record -> JsonPath.from(record.value()).getLong("version")).toList();
    }
}
