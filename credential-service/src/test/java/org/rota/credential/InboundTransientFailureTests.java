package org.rota.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rota.events.EventTypes;
import org.rota.events.Topics;
import org.rota.infra.KafkaTestClient;
import org.rota.platform.security.Roles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;

/**
 * A failure that passes (a serialization failure reported by PostgreSQL, a version race lost) makes the consumer wait
 * and try again; only a message that can never be applied is dead-lettered. The failures are PostgreSQL's own: a
 * trigger raises SQLSTATE 40001 on the first insert of one clinician, and makes the first update of another touch no
 * row, which is what Hibernate sees when another writer changed the version first.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class InboundTransientFailureTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String HR = "/hospital/hr";

    @Inject
    DataSource dataSource;

    private final KafkaTestClient kafka = new KafkaTestClient(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    @BeforeEach
    void installFaults() throws SQLException {
        execute("""
                CREATE TABLE IF NOT EXISTS test_fault (external_id TEXT NOT NULL, operation TEXT NOT NULL,
                    times INT NOT NULL, attempts TEXT NOT NULL);
                CREATE OR REPLACE FUNCTION test_fault() RETURNS trigger AS $$
                DECLARE fault test_fault%ROWTYPE;
                BEGIN
                    SELECT * INTO fault FROM test_fault WHERE external_id = NEW.external_id AND operation = TG_OP;
                    -- a sequence counts attempts outside the transactions the failures roll back
                    IF FOUND AND nextval(fault.attempts) <= fault.times THEN
                        IF TG_OP = 'INSERT' THEN
                            RAISE EXCEPTION 'could not serialize access (test)' USING ERRCODE = 'serialization_failure';
                        END IF;
                        RETURN NULL;
                    END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql;
                DROP TRIGGER IF EXISTS test_fault ON clinician;
                CREATE TRIGGER test_fault BEFORE INSERT OR UPDATE ON clinician
                    FOR EACH ROW EXECUTE FUNCTION test_fault();""");
    }

    @AfterEach
    void removeFaults() throws SQLException {
        execute("DROP TRIGGER IF EXISTS test_fault ON clinician; DELETE FROM test_fault");
    }

    @Test
    void transientFailuresAreRetriedInOrderWhileAMalformedMessageStillGoesToTheDeadLetterTopic() throws SQLException {
        String serialization = "HR-" + UUID.randomUUID();
        String race = "HR-" + UUID.randomUUID();
        String raceCreated = UUID.randomUUID().toString();
        kafka.sendTogether(List.of(record(raceCreated, race, upsert(race, "Dr Race"))));
        await().atMost(PATIENCE).untilAsserted(() -> byExternalId(race).body("totalItems", equalTo(1)));
        fail(serialization, "INSERT", 2);
        fail(race, "UPDATE", 2);

        String serializationEvent = UUID.randomUUID().toString();
        String renameEvent = UUID.randomUUID().toString();
        String malformedEvent = UUID.randomUUID().toString();
        String after = "HR-" + UUID.randomUUID();
        // one key, so one partition: the four are consumed in this order, mostly as one batch
        kafka.sendTogether(List.of(
                record(serializationEvent, race, upsert(serialization, "Dr Serialization")),
                record(renameEvent, race, upsert(race, "Dr Race Renamed")),
                record(malformedEvent, race, "{\"externalId\": \"" + race + "\", \"fte\": "),
                record(UUID.randomUUID().toString(), race, upsert(after, "Dr After"))));

        await().atMost(PATIENCE).untilAsserted(() -> byExternalId(after).body("totalItems", equalTo(1)));
        byExternalId(serialization).body("items[0].displayName", equalTo("Dr Serialization"))
                .body("items[0].version", equalTo(0));
        byExternalId(race).body("items[0].displayName", equalTo("Dr Race Renamed"))
                .body("items[0].version", equalTo(1));
        assertThat(attempts(serialization)).as("attempts at the first insert").isGreaterThan(2);
        assertThat(attempts(race)).as("attempts at the update").isGreaterThan(2);

        List<ConsumerRecord<String, String>> deadLetters = kafka.await(Topics.deadLetter(Topics.CREDENTIALS_INBOUND),
                record -> malformedEvent.equals(KafkaTestClient.header(record, "ce_id")), 1, PATIENCE);
        assertThat(deadLetters).singleElement().satisfies(record ->
                assertThat(KafkaTestClient.header(record, "dead-letter-reason")).contains("not JSON"));
        assertThat(kafka.readFor(Topics.deadLetter(Topics.CREDENTIALS_INBOUND),
                record -> List.of(serializationEvent, renameEvent).contains(KafkaTestClient.header(record, "ce_id")),
                Duration.ofSeconds(2))).isEmpty();
    }

    private void fail(String externalId, String operation, int times) throws SQLException {
        String sequence = "test_fault_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SEQUENCE " + sequence + "; INSERT INTO test_fault VALUES ('" + externalId + "', '"
                + operation + "', " + times + ", '" + sequence + "')");
    }

    private long attempts(String externalId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet fault = statement.executeQuery(
                        "SELECT attempts FROM test_fault WHERE external_id = '" + externalId + "'")) {
            fault.next();
            try (ResultSet sequence = connection.createStatement()
                    .executeQuery("SELECT last_value FROM " + fault.getString(1))) {
                sequence.next();
                return sequence.getLong(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static ProducerRecord<String, String> record(String eventId, String key,
            String data) {
        return KafkaTestClient.cloudEvent(Topics.CREDENTIALS_INBOUND, key, eventId, HR, EventTypes.CLINICIAN_UPSERT,
                data);
    }

    private static String upsert(String externalId, String name) {
        return """
                {"externalId":"%s","displayName":"%s","role":"NURSE","departments":["ENDO"],"fte":1.0}"""
                .formatted(externalId, name);
    }

    private static ValidatableResponse byExternalId(String externalId) {
        return given().queryParam("externalId", externalId).get("/clinicians").then().statusCode(200);
    }
}
