package org.rota.activity;

import io.quarkus.test.security.TestSecurity;
import org.rota.platform.security.Roles;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.rota.activity.service.AbsenceService;
import org.rota.events.Topics;
import org.rota.infra.KafkaTestClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Right to erasure in activity-service: the reasons of a clinician's absences are forgotten and each absence is
 * published again without its reason. The endpoint is for admins ({@code POST /clinicians/{id}/erasure}); this test
 * calls the service behind it, the role checks being the authorisation tests' business.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class AbsenceErasureTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    AbsenceService absences;

    private final KafkaTestClient kafka = new KafkaTestClient(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    @Test
    void theReasonsOfAClinicansAbsencesWithdrawnOnesIncludedAreErasedAndPublishedWithoutThem() {
        String reason = "chemotherapy " + UUID.randomUUID();
        String clinician = Fixtures.clinician();
        String other = Fixtures.clinician();
        String current = absence(clinician, "2031-03-02T00:00:00Z", "2031-03-09T00:00:00Z", reason);
        String withdrawn = absence(clinician, "2031-04-06T00:00:00Z", "2031-04-08T00:00:00Z", reason);
        given().delete("/absences/{id}", withdrawn).then().statusCode(200);
        String colleagues = absence(other, "2031-03-02T00:00:00Z", "2031-03-03T00:00:00Z", "study leave");

        assertThat(absences.eraseReasonsOf(UUID.fromString(clinician))).isEqualTo(2);
        assertThat(absences.eraseReasonsOf(UUID.fromString(clinician))).as("erasing again").isZero();

        given().get("/absences/{id}", current).then().statusCode(200).body("reason", nullValue());
        for (String id : List.of(current, withdrawn)) {
            // one partition per key: the last record read is the absence's latest state
            List<ConsumerRecord<String, String>> events = kafka.awaitUntil(Topics.ACTIVITIES,
                    record -> record.key().equals("absence/" + id),
                    read -> !read.isEmpty() && !read.get(read.size() - 1).value().contains(reason), PATIENCE);
            assertThat(events).as("events of absence " + id).hasSizeGreaterThan(1).first()
                    .satisfies(first -> assertThat(first.value()).contains(reason));
            assertThat(events).last().satisfies(latest -> assertThat(latest.value()).doesNotContain(reason));
        }
        given().get("/absences/{id}", colleagues).then().statusCode(200)
                .body("reason", org.hamcrest.Matchers.equalTo("study leave"));
    }

    private static String absence(String clinician, String from, String until, String reason) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("clinicianId", clinician, "from", from, "until", until, "reason", reason))
                .post("/absences").then().statusCode(201).extract().path("id");
    }
}
