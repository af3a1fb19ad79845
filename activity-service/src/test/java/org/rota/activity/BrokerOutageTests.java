package org.rota.activity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

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

/** A committed change reaches Kafka even when the broker was down at the time. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class BrokerOutageTests {

    @InjectKafkaBroker
    LocalKafkaBroker broker;

    @Test
    void writesSucceedWhileTheBrokerIsDownAndTheirEventsArriveLaterInOrder() {
        Map<String, Object> body = Fixtures.activityBody(null);
        String activity;
        String absence;
        String clinician = Fixtures.clinician();

        broker.stop();
        try {
            activity = Fixtures.activity(body);
            body.put("version", 0);
            body.put("title", "Renamed during the outage");
            given().contentType(ContentType.JSON).body(body).put("/activities/{id}", activity).then().statusCode(200);
            given().delete("/activities/{id}", activity).then().statusCode(200);
            absence = given().contentType(ContentType.JSON)
                    .body(AbsenceApiTests.body(clinician, "2030-04-01T00:00:00Z", "2030-04-02T00:00:00Z", null))
                    .post("/absences").then().statusCode(201).extract().path("id");
            // stay down longer than the relay's send timeout (4 s in tests), so that it aborts the batch and sends it again
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            startAgain();
        }

        KafkaTestClient kafka = new KafkaTestClient(broker.bootstrapServers());
        List<Long> activityVersions = versions(kafka.awaitUntil(Topics.ACTIVITIES,
                record -> record.key().equals("activity/" + activity), reachedVersion(2), Duration.ofSeconds(90)));
        List<Long> absenceVersions = versions(kafka.awaitUntil(Topics.ACTIVITIES,
                record -> record.key().equals("absence/" + absence), reachedVersion(0), Duration.ofSeconds(30)));

        // at-least-once: a batch may be sent twice, but each key's versions first appear in commit order
        // and its last record is its newest state
        assertThat(activityVersions.stream().distinct().toList()).containsExactly(0L, 1L, 2L);
        assertThat(activityVersions.get(activityVersions.size() - 1)).isEqualTo(2L);
        assertThat(absenceVersions.stream().distinct().toList()).containsExactly(0L);
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
