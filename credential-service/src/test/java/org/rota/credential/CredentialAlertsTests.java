package org.rota.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rota.events.EventTypes;
import org.rota.events.Topics;
import org.rota.infra.EventContracts;
import org.rota.infra.KafkaTestClient;
import org.rota.platform.security.Roles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Expiry warnings on rota.credentials.alerts.v1: once per credential, validUntil and threshold (the tightest one
 * crossed), expired once on the day after validUntil, whether the daily check runs once, twice or concurrently.
 * The hospital's "today" is set on the service's clock; the check is run as an operator runs it.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class CredentialAlertsTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final LocalDate DAY = LocalDate.of(2031, 3, 3);

    private final KafkaTestClient kafka = new KafkaTestClient(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    @Inject
    MovableClock clock;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void runningTheCheckTwiceEachDaySendsEachThresholdOnce() {
        clock.setToday(DAY);
        LocalDate validUntil = DAY.plusDays(200);
        String credential = credential(validUntil);

        for (int daysLeft : new int[] {175, 85, 25, 12, 5}) {
            clock.setToday(validUntil.minusDays(daysLeft));
            runCheck();
            runCheck();
        }

        assertThat(alertsUntilMarker(credential)).containsExactly(
                expiring(validUntil, 175, 180), expiring(validUntil, 85, 90), expiring(validUntil, 25, 30),
                expiring(validUntil, 12, 14), expiring(validUntil, 5, 7), marker());
    }

    @Test
    void aCredentialRecordedWithTenDaysLeftGetsOnlyTheFourteenDayWarningAtOnce() {
        clock.setToday(DAY);
        String credential = credential(DAY.plusDays(10));
        runCheck();

        assertThat(alertsUntilMarker(credential)).containsExactly(expiring(DAY.plusDays(10), 10, 14), marker());
    }

    @Test
    void aRenewalStartsTheWarningsAgainForTheNewValidUntil() {
        clock.setToday(DAY);
        LocalDate first = DAY.plusDays(10);
        String credential = credential(first);
        LocalDate renewed = DAY.plusDays(100);
        renew(credential, renewed);
        runCheck();
        clock.setToday(renewed.minusDays(12));
        runCheck();

        assertThat(alertsUntilMarker(credential)).containsExactly(
                expiring(first, 10, 14), expiring(renewed, 100, 180), expiring(renewed, 12, 14), marker());
    }

    @Test
    void theExpiredAlertComesOnceOnTheDayAfterValidUntil() {
        clock.setToday(DAY);
        LocalDate validUntil = DAY.plusDays(3);
        String credential = credential(validUntil);
        clock.setToday(validUntil);
        runCheck();
        clock.setToday(validUntil.plusDays(1));
        runCheck();
        runCheck();
        clock.setToday(validUntil.plusDays(2));
        runCheck();

        assertThat(alertsUntilMarker(credential)).containsExactly(
                expiring(validUntil, 3, 7), expired(validUntil, validUntil.plusDays(1)), marker());
    }

    @Test
    void aCredentialRecordedAlreadyExpiredGetsTheExpiredAlertAtOnceAndNoWarning() {
        clock.setToday(DAY);
        LocalDate validUntil = DAY.minusDays(1);
        String credential = credential(validUntil);
        runCheck();

        assertThat(alertsUntilMarker(credential)).containsExactly(expired(validUntil, DAY), marker());
    }

    @Test
    void concurrentChecksSendEachWarningOnce() throws Exception {
        clock.setToday(DAY);
        LocalDate validUntil = DAY.plusDays(100);
        List<String> credentials = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            credentials.add(credential(validUntil));
        }
        clock.setToday(validUntil.minusDays(80));

        ExecutorService operators = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(() -> given().post("/credential-alerts/run").then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> run : operators.invokeAll(runs)) {
                statuses.add(run.get());
            }
            // a check refused while another runs is 409; at least one ran
            assertThat(statuses).containsAnyOf(200).allMatch(status -> status == 200 || status == 409);
        } finally {
            operators.shutdownNow();
        }
        runCheck();

        for (String credential : credentials) {
            assertThat(alertsUntilMarker(credential)).as(credential).containsExactly(
                    expiring(validUntil, 100, 180), expiring(validUntil, 80, 90), marker());
        }
    }

    @Test
    void suspendedAndRevokedCredentialsAndThoseOfAnErasedClinicianGetNoAlerts() {
        clock.setToday(DAY);
        LocalDate validUntil = DAY.plusDays(200);
        String suspended = credential(validUntil);
        given().post("/credentials/{id}/suspend", suspended).then().statusCode(200);
        String revoked = credential(validUntil);
        given().post("/credentials/{id}/revoke", revoked).then().statusCode(200);
        String erasedClinician = Fixtures.clinician("Dr Erased Alert", "UROLOGY");
        String ofErased = Fixtures.credential(erasedClinician, Fixtures.procedure(), "EXPERT", "2026-01-01",
                validUntil.toString());
        given().contentType(ContentType.JSON).post("/clinicians/{id}/erasure", erasedClinician).then().statusCode(200);

        clock.setToday(validUntil.minusDays(10));
        runCheck();
        clock.setToday(validUntil.plusDays(1));
        runCheck();

        // an alert is recorded in the transaction of its outbox row: none recorded, none sent
        assertThat(alertsRecorded(suspended)).isZero();
        assertThat(alertsRecorded(revoked)).isZero();
        assertThat(alertsRecorded(ofErased)).isZero();
    }

    @Test
    void aReinstatedCredentialGetsTheWarningItIsDueAtOnce() {
        clock.setToday(DAY);
        LocalDate validUntil = DAY.plusDays(200);
        String credential = credential(validUntil);
        given().post("/credentials/{id}/suspend", credential).then().statusCode(200);
        clock.setToday(validUntil.minusDays(10));
        runCheck();

        given().contentType(ContentType.JSON).body(Map.of("reason", "review passed"))
                .post("/credentials/{id}/reinstate", credential).then().statusCode(200);

        assertThat(alertsUntilMarker(credential)).containsExactly(expiring(validUntil, 10, 14), marker());
    }

    /** A credential of a fresh clinician and procedure, valid until that day. */
    private static String credential(LocalDate validUntil) {
        return Fixtures.credential(Fixtures.clinician("Dr Alert", "UROLOGY"), Fixtures.procedure(), "EXPERT",
                "2026-01-01", validUntil.toString());
    }

    private static void runCheck() {
        given().post("/credential-alerts/run").then().statusCode(200);
    }

    private static void renew(String credential, LocalDate validUntil) {
        int version = given().get("/credentials/{id}", credential).then().statusCode(200).extract().path("version");
        Map<String, Object> body = new HashMap<>();
        body.put("level", "EXPERT");
        body.put("validFrom", "2026-01-01");
        body.put("validUntil", validUntil.toString());
        body.put("version", version);
        given().contentType(ContentType.JSON).body(body).put("/credentials/{id}", credential).then().statusCode(200);
    }

    /**
     * Every alert of the credential, after the checks a test ran: the credential is then renewed to a date three days
     * after today, whose 7-day warning is sent at once on the same partition, behind whatever else was sent for the
     * credential, so that reading up to it reads everything (a duplicate could not arrive later).
     */
    private List<Map<String, Object>> alertsUntilMarker(String credential) {
        LocalDate markerUntil = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London")).plusDays(3);
        renew(credential, markerUntil);
        List<ConsumerRecord<String, String>> records = kafka.awaitUntil(Topics.CREDENTIAL_ALERTS,
                record -> record.key().equals(credential),
                matching -> matching.stream().anyMatch(record -> markerUntil.toString()
                        .equals(JsonPath.from(record.value()).getString("validUntil"))),
                PATIENCE);
        List<Map<String, Object>> alerts = alerts(records);
        assertThat(alerts).as("alerts of " + credential).isNotEmpty();
        Map<String, Object> last = alerts.remove(alerts.size() - 1);
        assertThat(last).isEqualTo(expiring(markerUntil, 3, 7));
        alerts.add(marker());
        return alerts;
    }

    /** The alerts as type, validUntil, daysLeft, threshold, asOf, each event checked against its schema first. */
    private static List<Map<String, Object>> alerts(List<ConsumerRecord<String, String>> records) {
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            String type = KafkaTestClient.header(record, "ce_type");
            EventContracts.assertConforms(type, record.value());
            assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(record.key());
            JsonPath data = JsonPath.from(record.value());
            assertThat(data.getString("credentialId")).isEqualTo(record.key());
            Map<String, Object> alert = new HashMap<>();
            alert.put("type", type);
            alert.put("validUntil", data.getString("validUntil"));
            if (EventTypes.CREDENTIAL_EXPIRING.equals(type)) {
                alert.put("daysLeft", data.getInt("daysLeft"));
                alert.put("threshold", data.getInt("threshold"));
            } else {
                alert.put("asOf", data.getString("asOf"));
            }
            alerts.add(alert);
        }
        return alerts;
    }

    private static Map<String, Object> expiring(LocalDate validUntil, int daysLeft, int threshold) {
        return Map.of("type", EventTypes.CREDENTIAL_EXPIRING, "validUntil", validUntil.toString(),
                "daysLeft", daysLeft, "threshold", threshold);
    }

    private static Map<String, Object> expired(LocalDate validUntil, LocalDate asOf) {
        return Map.of("type", EventTypes.CREDENTIAL_EXPIRED, "validUntil", validUntil.toString(),
                "asOf", asOf.toString());
    }

    private static Map<String, Object> marker() {
        return Map.of("type", "marker");
    }

    private long alertsRecorded(String credential) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM credential_alert WHERE credential_id = CAST(?1 AS uuid)")
                .setParameter(1, credential).getSingleResult()).longValue());
    }
}
