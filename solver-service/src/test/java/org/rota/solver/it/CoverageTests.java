package org.rota.solver.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.rota.events.EventTypes;
import org.rota.events.Topics;
import org.rota.infra.EventContracts;
import org.rota.infra.KafkaTestClient;
import org.rota.platform.security.Roles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/** Coverage at risk over REST and on rota.coverage.v1, from the read model the change topics build. */
@QuarkusTest
@TestSecurity(user = "test-viewer", roles = Roles.VIEWER)
class CoverageTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aWindowsActivitiesAtRiskEnterAndLeaveOnTheCoverageTopicAsACredentialIsRenewed() {
        Department d = new Department();
        String first = d.clinician("Dr First", 0, true);
        String second = d.clinician("Dr Second", 0, true);
        String lapsing = d.clinician("Dr Lapsing", 0, true);
        d.credential(first, "VAS", "QUALIFIED", "ACTIVE", 0);
        d.credential(second, "VAS", "QUALIFIED", "ACTIVE", 0);
        String credential = UUID.randomUUID().toString();
        d.credentialUntil(credential, lapsing, "VAS", "QUALIFIED", d.monday.plusDays(1), 0);
        // after the credential lapses: two holders for two seats (no spare), and for three (uncoverable)
        String pair = d.activity("VAS", d.at(3, 8), d.at(3, 12), 2);
        String trio = d.activity("VAS", d.at(4, 8), d.at(4, 12), 3);

        awaitCoverage(d, events -> entered(events, pair).equals("NO_SPARE")
                && entered(events, trio).equals("UNCOVERABLE"));
        JsonPath atRisk = atRisk(d);
        assertThat(atRisk.getList("items.activityId")).containsExactly(pair, trio);
        assertThat(atRisk.getString("items[1].risk")).isEqualTo("UNCOVERABLE");
        assertThat(atRisk.getInt("items[1].seats")).isEqualTo(3);
        assertThat(atRisk.getInt("items[1].eligible")).isEqualTo(2);
        assertThat(atRisk.getString("items[1].fixes[0].credentialId")).isEqualTo(credential);
        assertThat(atRisk.getString("items[1].fixes[0].change")).isEqualTo("RENEW");
        assertThat(atRisk.getString("items[1].fixes[0].validUntil")).isEqualTo(d.monday.plusDays(1).toString());
        given().queryParam("from", d.monday.toString()).queryParam("to", d.monday.plusDays(6).toString())
                .queryParam("department", d.code).get("/coverage/renewals")
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].credentialId", equalTo(credential))
                .body("items[0].clinicianId", equalTo(lapsing))
                .body("items[0].seatsCovered", equalTo(2))
                .body("items[0].activities[0].activityId", equalTo(pair));

        d.credentialUntil(credential, lapsing, "VAS", "QUALIFIED", null, 1);

        List<ConsumerRecord<String, String>> events = awaitCoverage(d,
                found -> left(found).contains(pair) && "NO_SPARE".equals(lastRisk(found, trio)));
        JsonPath last = JsonPath.from(events.get(events.size() - 1).value());
        assertThat(last.getInt("atRisk")).isEqualTo(1);
        assertThat(atRisk(d).getList("items.activityId")).containsExactly(trio);
    }

    @Test
    void aSolveThatChangesNothingAtRiskPublishesNoCoverageEvent() {
        Department d = new Department();
        String only = d.clinician("Dr Only", 0, true);
        d.credential(only, "VAS", "EXPERT", "ACTIVE", 0);
        String list = d.activity("VAS", d.at(1, 8), d.at(1, 12), 1);
        int before = awaitCoverage(d, events -> "NO_SPARE".equals(entered(events, list))).size();
        long runs = solveRuns(d);
        // a preference changes the window's input, and it is solved again, but nothing at risk changes
        d.undesiredDay(only, 1);
        await().atMost(PATIENCE).until(() -> solveRuns(d) > runs);
        String second = d.activity("VAS", d.at(2, 8), d.at(2, 12), 2);

        List<ConsumerRecord<String, String>> events = awaitCoverage(d,
                found -> "UNCOVERABLE".equals(entered(found, second)));
        // per key in order: the next event after the preference's solve is the one the second list caused
        assertThat(events).hasSize(before + 1);
    }

    @Test
    void aRangeWithoutDatesOrLongerThanAllocationsAllowIsABadRequestNamingTheField() {
        badRequest("/coverage/at-risk?to=2031-03-09", "from");
        badRequest("/coverage/at-risk?from=2031-03-03", "to");
        badRequest("/coverage/renewals?from=2031-03-3&to=2031-03-09", "from");
        badRequest("/coverage/at-risk?from=2031-03-10&to=2031-03-09", "to");
        badRequest("/coverage/renewals?from=2031-01-01&to=2031-07-10", "to");
        badRequest("/coverage/at-risk?from=2031-03-03&to=2031-03-09&size=0", "size");
        badRequest("/coverage/at-risk?from=2031-03-03&to=2031-03-09&page=x", "page");
        badRequest("/coverage/renewals?from=2031-03-03&to=2031-03-09&department=no%20such", "department");
        given().get("/coverage/at-risk?from=2031-01-01&to=2031-07-09").then().statusCode(200);
    }

    @Test
    void anUnknownDepartmentHasNothingAtRisk() {
        given().get("/coverage/at-risk?from=2031-03-03&to=2031-03-09&department=NOSUCH")
                .then().statusCode(200).body("items.size()", equalTo(0)).body("totalItems", equalTo(0))
                .body("totalPages", equalTo(0));
    }

    private static long solveRuns(Department d) {
        return given().queryParam("windowId", d.windowId()).get("/solves").then().statusCode(200).extract()
                .jsonPath().getLong("totalItems");
    }

    private static void badRequest(String path, String field) {
        given().get(path).then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("field", equalTo(field));
    }

    private static JsonPath atRisk(Department d) {
        return given().queryParam("from", d.monday.toString()).queryParam("to", d.monday.plusDays(6).toString())
                .queryParam("department", d.code).get("/coverage/at-risk")
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<ConsumerRecord<String, String>> awaitCoverage(Department d,
            java.util.function.Predicate<List<ConsumerRecord<String, String>>> done) {
        List<ConsumerRecord<String, String>> records = d.kafka.awaitUntil(Topics.COVERAGE,
                record -> record.key().equals(d.code), done, PATIENCE);
        assertThat(done.test(records)).as("coverage events of " + d.code + ": " + records.stream()
                .map(ConsumerRecord::value).toList()).isTrue();
        records.forEach(record -> {
            assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo(EventTypes.COVERAGE_CHANGED);
            EventContracts.assertConforms(EventTypes.COVERAGE_CHANGED, record.value());
        });
        return records;
    }

    /** The risk the activity last entered with, or "" when it never entered. */
    private static String entered(List<ConsumerRecord<String, String>> events, String activityId) {
        String risk = lastRisk(events, activityId);
        return risk == null ? "" : risk;
    }

    private static String lastRisk(List<ConsumerRecord<String, String>> events, String activityId) {
        String risk = null;
        for (ConsumerRecord<String, String> event : events) {
            JsonPath json = JsonPath.from(event.value());
            String entered = json.getString("entered.find { it.activityId == '" + activityId + "' }.risk");
            if (entered != null) {
                risk = entered;
            } else if (json.getList("left").contains(activityId)) {
                risk = null;
            }
        }
        return risk;
    }

    private static List<Object> left(List<ConsumerRecord<String, String>> events) {
        return events.stream().flatMap(e -> JsonPath.from(e.value()).getList("left").stream()).toList();
    }
}
