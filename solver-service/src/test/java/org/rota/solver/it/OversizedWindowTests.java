package org.rota.solver.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.net.URL;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.rota.events.EventTypes;
import org.rota.events.Topics;
import org.rota.solver.repository.ReadModelRepository;
import org.rota.platform.security.Roles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.specification.RequestSpecification;

/**
 * One department far beyond the solve budget (an HR system loaded 20,000 clinicians into it) beside a normal one: the
 * big window is reported TOO_LARGE without being loaded, the normal one is planned, and the pod stays alive.
 * <p>
 * Runs under its own profile, so after the module's other tests and with a Quarkus of its own: the 20,000 clinicians
 * never reach the topics that the read-model rebuild test replays from offset 0.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
@TestProfile(OversizedWindowTests.AfterTheOtherTests.class)
class OversizedWindowTests {

    @TestHTTPResource(value = "/", management = true)
    URL managementInterface;

    /** Health and metrics: the management interface, no token. */
    private RequestSpecification management() {
        return given().port(managementInterface.getPort());
    }

    public static final class AfterTheOtherTests implements QuarkusTestProfile {
    }

    private static final int CLINICIANS = 20_000;

    @Inject
    ReadModelRepository readModel;

    @Test
    void aWindowBeyondTheBudgetIsReportedTooLargeWhileOtherWindowsArePlanned() throws Exception {
        Department big = new Department();
        publishClinicians(big, CLINICIANS);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> readModel.countClinicians(big.code, false)),
                count -> count == CLINICIANS);
        big.activity(null, big.at(1, 9), big.at(1, 13), 1);

        JsonPath tooLarge = AllocationFlowTests.awaitAllocation(big, a -> "TOO_LARGE".equals(a.getString("solverStatus")));
        assertThat(tooLarge.getList("assignments")).isEmpty();
        String detail = given().get("/solves/{id}", tooLarge.getString("solveRunId")).then().statusCode(200)
                .body("outcome", equalTo("TOO_LARGE")).extract().jsonPath().getString("detail");
        assertThat(detail).contains(CLINICIANS + " clinicians").contains(CLINICIANS + " eligible pairs");

        Department normal = new Department();
        String clinician = normal.clinician("Dr Normal", 0, true);
        normal.activity(null, normal.at(2, 9), normal.at(2, 13), 1);
        JsonPath planned = AllocationFlowTests.awaitAllocation(normal, a -> a.getList("assignments").size() == 1);
        assertThat(planned.getString("assignments[0].clinicianId")).isEqualTo(clinician);

        management().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'solve-worker' }.status", equalTo("UP"));
        management().get("/q/metrics").then().statusCode(200).body(containsString("rota_solver_windows_too_large_total"));
    }

    /** Publishes the clinicians as credential-service would, through one producer (one per record would take minutes). */
    private static void publishClinicians(Department department, int count) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                String key = "clinician/" + id;
                String data = """
                        {"id":"%s","externalId":"HR-%s","displayName":"Clinician %d","role":"NURSE","departments":["%s"],
                         "fte":1.0,"maxMinutesPerWeek":2400,"active":true,"version":0,"updatedAt":"2026-11-26T00:00:00Z"}"""
                        .formatted(id, id, i, department.code);
                sent.add(producer.send(new ProducerRecord<>(Topics.CREDENTIALS, null, key, data, List.of(
                        header("ce_specversion", "1.0"), header("ce_id", UUID.randomUUID().toString()),
                        header("ce_source", "/rota/credential-service"), header("ce_type", EventTypes.CLINICIAN),
                        header("ce_subject", id), header("content-type", "application/json")))));
            }
            for (Future<RecordMetadata> each : sent) {
                each.get(60, TimeUnit.SECONDS);
            }
        }
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
