package org.rota.credential;

import io.quarkus.test.security.TestSecurity;
import org.rota.platform.security.Roles;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.rota.credential.domain.Clinician;
import org.rota.credential.service.ClinicianService;
import org.rota.events.Topics;
import org.rota.infra.KafkaTestClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Right to erasure: the clinician's name leaves the service, its history and, after compaction, the change topic.
 * The endpoint is for admins ({@code POST /clinicians/{id}/erasure}); these tests call the service behind it, the
 * role checks being the authorisation tests' business.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class ClinicianErasureTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String BOOTSTRAP = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);

    @Inject
    ClinicianService clinicians;

    private final KafkaTestClient kafka = new KafkaTestClient(BOOTSTRAP);

    @Test
    void anErasedClinicianIsPublishedUnderAPseudonymAndTheHistoryKeepsTheFactsWithoutTheReasons() {
        String name = "Dr Erasable " + UUID.randomUUID();
        String clinician = Fixtures.clinician(name, "UROLOGY");
        String credential = Fixtures.credential(clinician, Fixtures.procedure(), "EXPERT", "2026-01-01", null);
        given().contentType(ContentType.JSON).body(Map.of("reason", "complaint about " + name))
                .post("/credentials/{id}/suspend", credential).then().statusCode(200);

        clinicians.erase(UUID.fromString(clinician));

        String pseudonym = Clinician.pseudonym(UUID.fromString(clinician));
        given().get("/clinicians/{id}", clinician).then().statusCode(200)
                .body("displayName", equalTo(pseudonym)).body("active", equalTo(false));
        given().get("/credentials/{id}/history", credential).then().statusCode(200)
                .body("kind", equalTo(List.of("GRANTED", "SUSPENDED")))
                .body("reason", everyItem(nullValue()));
        assertThat(given().get("/credentials/{id}/history", credential).asString()).doesNotContain(name);
        kafka.await(Topics.CREDENTIALS, record -> record.key().equals("clinician/" + clinician)
                && record.value().contains(pseudonym), 1, PATIENCE);
    }

    @Test
    void anErasedClinicianTakesNoChangesThatWouldBringTheNameBack() {
        String clinician = Fixtures.clinician("Dr Gone " + UUID.randomUUID(), "UROLOGY");
        clinicians.erase(UUID.fromString(clinician));
        long version = given().get("/clinicians/{id}", clinician).then().extract().jsonPath().getLong("version");

        given().contentType(ContentType.JSON).body(Fixtures.clinicianBody("Dr Back Again", "UROLOGY", (int) version))
                .put("/clinicians/{id}", clinician)
                .then().statusCode(409).contentType("application/problem+json").body("field", equalTo("id"));
    }

    /**
     * With the topic's compaction lag and segment time shortened (production: {@link Topics#COMPACTION_LAG_MS}),
     * the records that carried the name are compacted away while the traffic on the topic goes on.
     */
    @Test
    void noRecordWithTheNameSurvivesCompactionOfTheChangeTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            setTopicConfig(admin, Map.of("segment.ms", "1000", "max.compaction.lag.ms", "1000"));
            try {
                String name = "Dr Compacted " + UUID.randomUUID();
                String clinician = Fixtures.clinician(name, "UROLOGY");
                given().contentType(ContentType.JSON).body(Fixtures.clinicianBody(name, "GYNAE", 0))
                        .put("/clinicians/{id}", clinician).then().statusCode(200);
                assertThat(kafka.await(Topics.CREDENTIALS, record -> record.value().contains(name), 2, PATIENCE))
                        .hasSize(2);

                clinicians.erase(UUID.fromString(clinician));

                String pseudonym = Clinician.pseudonym(UUID.fromString(clinician));
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    // other writes go on: a segment is closed when its partition takes a record after segment.ms
                    Fixtures.clinician("Dr Traffic", "UROLOGY");
                    assertThat(kafka.readFor(Topics.CREDENTIALS, record -> record.value().contains(name),
                            Duration.ofSeconds(3))).isEmpty();
                });
                assertThat(kafka.await(Topics.CREDENTIALS, record -> record.key().equals("clinician/" + clinician),
                        1, PATIENCE)).singleElement().satisfies(latest -> assertThat(latest.value()).contains(pseudonym));
            } finally {
                Map<String, String> production = Topics.ALL.stream().filter(t -> t.name().equals(Topics.CREDENTIALS))
                        .findFirst().orElseThrow().config();
                setTopicConfig(admin, Map.of("segment.ms", production.get("segment.ms"),
                        "max.compaction.lag.ms", production.get("max.compaction.lag.ms")));
            }
        }
    }

    private static void setTopicConfig(Admin admin, Map<String, String> config) throws Exception {
        Collection<AlterConfigOp> ops = config.entrySet().stream()
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                .toList();
        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, Topics.CREDENTIALS), ops))
                .all().get(30, TimeUnit.SECONDS);
    }
}
