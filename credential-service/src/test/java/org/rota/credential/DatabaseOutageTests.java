package org.rota.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.net.URL;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.rota.events.EventTypes;
import org.rota.events.Topics;
import org.rota.infra.InjectPostgres;
import org.rota.infra.KafkaTestClient;
import org.rota.infra.LocalPostgres;
import org.rota.platform.security.Roles;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.specification.RequestSpecification;

/** An inbound change is never dropped because the database was briefly away. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class DatabaseOutageTests {

    @TestHTTPResource(value = "/", management = true)
    URL managementInterface;

    /** Health and metrics: the management interface, no token. */
    private RequestSpecification management() {
        return given().port(managementInterface.getPort());
    }

    private static final Duration OUTAGE = Duration.ofSeconds(10);

    @InjectPostgres
    LocalPostgres postgres;

    @Inject
    MeterRegistry metrics;

    private final KafkaTestClient kafka = new KafkaTestClient(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    @Test
    void upsertsArrivingWhileTheDatabaseIsDownAreAllAppliedAfterwardsAndNoneIsDeadLettered() throws Exception {
        String department = "OUTAGE" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        List<ProducerRecord<String, String>> upserts = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String externalId = "HR-" + UUID.randomUUID();
            String eventId = UUID.randomUUID().toString();
            eventIds.add(eventId);
            upserts.add(KafkaTestClient.cloudEvent(Topics.CREDENTIALS_INBOUND, externalId, eventId, "/hospital/hr",
                    EventTypes.CLINICIAN_UPSERT, """
                            {"externalId":"%s","displayName":"Dr Outage %d","role":"FACULTY","departments":["%s"],
                             "fte":0.5}""".formatted(externalId, i, department)));
        }
        double retriesBefore = retries();

        long stoppedAt = System.nanoTime();
        postgres.stop();
        try {
            kafka.sendTogether(upserts.subList(0, 20));
            // the consumer has met the outage and keeps trying: the batch is neither applied nor dead-lettered
            await().atMost(Duration.ofSeconds(30)).until(() -> retries() >= retriesBefore + 3);
            kafka.sendTogether(upserts.subList(20, 40));
            // keep the database away for the whole outage being tested
            Duration remaining = OUTAGE.minusNanos(System.nanoTime() - stoppedAt);
            if (!remaining.isNegative()) {
                Thread.sleep(remaining.toMillis());
            }
        } finally {
            startAgain();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().queryParam("department", department)
                .get("/clinicians").then().statusCode(200).body("totalItems", equalTo(40)));
        assertThat(kafka.readFor(Topics.deadLetter(Topics.CREDENTIALS_INBOUND),
                record -> eventIds.contains(KafkaTestClient.header(record, "ce_id")), Duration.ofSeconds(2))).isEmpty();
        management().get("/q/health/live").then().statusCode(200);
    }

    private double retries() {
        return metrics.counter("rota.inbound.retries").count();
    }

    private void startAgain() throws IOException {
        postgres.start();
    }
}
