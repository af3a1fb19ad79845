package org.rota.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.rota.events.EventTypes;
import org.rota.events.Topics;
import org.rota.infra.EventContracts;
import org.rota.infra.KafkaTestClient;
import org.rota.platform.security.Roles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A suspension, revocation or reinstatement takes effect from its effective time, by default the moment it is made. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class StatusEffectiveTimeTests {

    private final KafkaTestClient kafka = new KafkaTestClient(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    @Test
    void aBackdatedSuspensionTakesEffectFromItsTimeInTheRepresentationAndTheHistory() {
        String id = credential("Dr Backdated");
        Instant wednesday = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        changeStatus(id, "suspend", Map.of("reason", "incident on Wednesday", "effectiveFrom", wednesday.toString()))
                .then().statusCode(200)
                .body("status", equalTo("SUSPENDED"))
                .body("statusHistory.status", equalTo(List.of("ACTIVE", "SUSPENDED")))
                .body("statusHistory[0].effectiveFrom", nullValue())
                .body("statusHistory[1].effectiveFrom", equalTo(wednesday.toString()));

        given().get("/credentials/{id}", id).then()
                .body("statusHistory[1].effectiveFrom", equalTo(wednesday.toString()));
        given().get("/credentials/{id}/history", id).then()
                .body("kind", equalTo(List.of("GRANTED", "SUSPENDED")))
                .body("[0].effectiveFrom", nullValue())
                .body("[1].effectiveFrom", equalTo(wednesday.toString()))
                .body("[1].state.statusHistory[1].effectiveFrom", equalTo(wednesday.toString()));
    }

    @Test
    void withoutAnEffectiveTimeAChangeTakesEffectWhenItIsMade() {
        String id = credential("Dr Immediate");

        JsonPath suspended = given().post("/credentials/{id}/suspend", id).then().statusCode(200).extract().jsonPath();

        assertThat(Instant.parse(suspended.getString("statusHistory[1].effectiveFrom")))
                .isEqualTo(Instant.parse(suspended.getString("updatedAt")));
        JsonPath history = given().get("/credentials/{id}/history", id).then().extract().jsonPath();
        assertThat(Instant.parse(history.getString("[1].effectiveFrom")))
                .isEqualTo(Instant.parse(history.getString("[1].changedAt")));
    }

    @Test
    void aChangeAnnouncedForLaterKeepsTheCredentialUsableUntilThenAndAReinstatementWithoutTimeCancelsIt() {
        String id = credential("Dr Announced");
        Instant nextMonth = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        changeStatus(id, "suspend", Map.of("effectiveFrom", nextMonth.toString())).then().statusCode(200)
                .body("status", equalTo("SUSPENDED"))
                .body("statusHistory[1].effectiveFrom", equalTo(nextMonth.toString()));
        // reinstated before the suspension began: in effect with it, and the later step wins
        given().post("/credentials/{id}/reinstate", id).then().statusCode(200)
                .body("statusHistory.status", equalTo(List.of("ACTIVE", "SUSPENDED", "ACTIVE")))
                .body("statusHistory[2].effectiveFrom", equalTo(nextMonth.toString()));
    }

    @Test
    void anEffectiveTimeThatIsUnreadableTooFarOrBeforeThePreviousChangeIsRefusedNamingTheField() {
        String id = credential("Dr Refused");
        Instant now = Instant.now();

        changeStatus(id, "suspend", Map.of("effectiveFrom", "next wednesday")).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("effectiveFrom"));
        changeStatus(id, "suspend", Map.of("effectiveFrom", now.minus(31, ChronoUnit.DAYS).toString()))
                .then().statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("effectiveFrom")).body("detail", containsString("30 days back"));
        changeStatus(id, "revoke", Map.of("effectiveFrom", now.plus(367, ChronoUnit.DAYS).toString()))
                .then().statusCode(422).body("field", equalTo("effectiveFrom"));
        changeStatus(id, "suspend", Map.of("effectiveFrom", "+10000-01-01T00:00:00Z"))
                .then().statusCode(400).body("field", equalTo("effectiveFrom"));

        changeStatus(id, "suspend", Map.of("effectiveFrom", now.minus(1, ChronoUnit.DAYS).toString()))
                .then().statusCode(200);
        changeStatus(id, "reinstate", Map.of("effectiveFrom", now.minus(2, ChronoUnit.DAYS).toString()))
                .then().statusCode(422).body("field", equalTo("effectiveFrom"))
                .body("detail", containsString("previous status change"));
        given().get("/credentials/{id}", id).then().body("status", equalTo("SUSPENDED")).body("version", equalTo(1));
    }

    @Test
    void theCredentialEventCarriesTheStatusHistory() {
        String id = credential("Dr Announced Event");
        Instant effective = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        changeStatus(id, "revoke", Map.of("effectiveFrom", effective.toString())).then().statusCode(200);

        List<ConsumerRecord<String, String>> events = kafka.await(Topics.CREDENTIALS,
                record -> record.key().equals("credential/" + id), 2, Duration.ofSeconds(20));

        events.forEach(record -> EventContracts.assertConforms(EventTypes.CREDENTIAL, record.value()));
        JsonPath granted = JsonPath.from(events.get(0).value());
        assertThat(granted.getList("statusHistory.status")).containsExactly("ACTIVE");
        JsonPath revoked = JsonPath.from(events.get(1).value());
        assertThat(revoked.getList("statusHistory.status")).containsExactly("ACTIVE", "REVOKED");
        assertThat(revoked.getString("statusHistory[1].effectiveFrom")).isEqualTo(effective.toString());
    }

    private static String credential(String name) {
        return Fixtures.credential(Fixtures.clinician(name, "UROLOGY"), Fixtures.procedure(), "EXPERT", "2026-01-01",
                null);
    }

    private static io.restassured.response.Response changeStatus(String id, String transition, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).post("/credentials/{id}/" + transition, id);
    }
}
