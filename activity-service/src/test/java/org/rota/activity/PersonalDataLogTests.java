package org.rota.activity;

import io.quarkus.test.security.TestSecurity;
import org.rota.platform.security.Roles;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

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

/** Absence reasons and the free text of activities never reach the log, whatever happens to them. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class PersonalDataLogTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String REASON = "IVF treatment " + SUFFIX;
    private static final String CHANGED_REASON = "bereavement, mother Hester Quayle " + SUFFIX;
    private static final String BAD_REASON = "psychiatric admission " + SUFFIX;
    private static final String TITLE = "Colposcopy for Mrs Winifred Ashdown " + SUFFIX;
    private static final String INBOUND_TITLE = "Vasectomy clinic of Dr Lucan Pettifer " + SUFFIX;

    private final KafkaTestClient kafka = new KafkaTestClient(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    @Test
    void aRealisticFlowWithBadInputLogsNoReasonAndNoFreeText() {
        List<String> log;
        try (LogCapture capture = LogCapture.start()) {
            String clinician = Fixtures.clinician();
            String absence = given().contentType(ContentType.JSON).body(Map.of("clinicianId", clinician,
                    "from", "2032-01-05T00:00:00Z", "until", "2032-01-09T00:00:00Z", "reason", REASON))
                    .post("/absences").then().statusCode(201).extract().path("id");
            given().contentType(ContentType.JSON).body(Map.of("clinicianId", clinician, "version", 0,
                    "from", "2032-01-05T00:00:00Z", "until", "2032-01-10T00:00:00Z", "reason", CHANGED_REASON))
                    .put("/absences/{id}", absence).then().statusCode(200);
            given().contentType(ContentType.JSON).body(Map.of("clinicianId", clinician,
                    "from", "2032-01-09T00:00:00Z", "until", "2032-01-05T00:00:00Z", "reason", BAD_REASON))
                    .post("/absences").then().statusCode(400);
            given().contentType(ContentType.JSON).body(Map.of("clinicianId", UUID.randomUUID().toString(),
                    "from", "2032-01-05T00:00:00Z", "until", "2032-01-09T00:00:00Z", "reason", BAD_REASON))
                    .post("/absences").then().statusCode(both(greaterThanOrEqualTo(400)).and(lessThan(500)));
            Map<String, Object> activity = Fixtures.activityBody(null);
            activity.put("title", TITLE);
            Fixtures.activity(activity);

            String unreadable = UUID.randomUUID().toString();
            kafka.send(Topics.ACTIVITIES_INBOUND, unreadable, """
                    {"externalId":"EHR-%s","department":"UROLOGY","title":"%s","start":"%s","end":"x"}"""
                    .formatted(unreadable, INBOUND_TITLE, INBOUND_TITLE), Map.of("ce_specversion", "1.0",
                    "ce_id", unreadable, "ce_source", "/hospital/ehr", "ce_type", EventTypes.ACTIVITY_UPSERT,
                    "content-type", "application/json"));
            assertThat(kafka.await(Topics.deadLetter(Topics.ACTIVITIES_INBOUND),
                    record -> unreadable.equals(KafkaTestClient.header(record, "ce_id")), 1, PATIENCE)).hasSize(1);
            assertThat(kafka.await(Topics.ACTIVITIES, record -> record.value().contains(CHANGED_REASON), 1,
                    PATIENCE)).hasSize(1);
            log = capture.lines();
        }

        assertThat(log).as("the flow logged something (the dead letter)").isNotEmpty();
        for (String secret : List.of(REASON, CHANGED_REASON, BAD_REASON, TITLE, INBOUND_TITLE, SUFFIX)) {
            assertThat(log).noneMatch(line -> line.contains(secret));
        }
    }
}
