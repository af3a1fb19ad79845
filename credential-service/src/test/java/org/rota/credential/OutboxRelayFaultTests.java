package org.rota.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.net.URL;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.rota.events.Topics;
import org.rota.infra.InjectKafkaBroker;
import org.rota.infra.KafkaTestClient;
import org.rota.infra.LocalKafkaBroker;
import org.rota.platform.outbox.Outbox;
import org.rota.platform.outbox.OutboxMessage;
import org.rota.platform.security.Roles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.specification.RequestSpecification;

/**
 * The outbox relay under faults: whatever fails, every key's versions reach the topic in commit order, its last record
 * is its newest state, nothing committed is lost, and one record Kafka refuses blocks nothing behind it.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class OutboxRelayFaultTests {

    @TestHTTPResource(value = "/", management = true)
    URL managementInterface;

    /** Health and metrics: the management interface, no token. */
    private RequestSpecification management() {
        return given().port(managementInterface.getPort());
    }

    @InjectKafkaBroker
    LocalKafkaBroker broker;

    @Inject
    Outbox outbox;

    private final KafkaTestClient kafka = new KafkaTestClient(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    /** An event of a made-up entity: the relay does not look inside. */
    record Probe(String key, long version, String content) {
    }

    @Test
    void aSendFailingOnceInsideABatchLosesNothingAndKeepsEveryKeysOrder() {
        List<String> keys = keys("once", 5);
        OnceFailingSerializer.failOnce("\"key\":\"" + keys.get(2) + "\",\"version\":2");
        int failuresBefore = OnceFailingSerializer.failures();

        // one transaction, so that the relay reads all 25 events as one batch with the failing one in its middle
        QuarkusTransaction.requiringNew().run(() -> {
            for (long version = 0; version < 5; version++) {
                for (String key : keys) {
                    append(key, version, "state " + version);
                }
            }
        });

        Map<String, List<Long>> versions = versionsByKey(keys, 4);
        assertThat(OnceFailingSerializer.failures()).as("injected failures").isEqualTo(failuresBefore + 1);
        // the failed batch was aborted, so read_committed readers see each version exactly once
        assertThat(versions).allSatisfy((key, seen) -> assertThat(seen).as(key).containsExactly(0L, 1L, 2L, 3L, 4L));
    }

    @Test
    void aBrokerStoppedThreeTimesDuring500UpdatesOf50KeysLosesNothingAndKeepsEveryKeysOrder() throws Exception {
        Map<String, Map<String, Object>> clinicians = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            Map<String, Object> body = Fixtures.clinicianBody("Dr Flapping " + i, "UROLOGY", null);
            String id = given().contentType(ContentType.JSON).body(body).post("/clinicians")
                    .then().statusCode(201).extract().path("id");
            body.put("version", 0);
            clinicians.put(id, body);
        }

        Thread flapping = new Thread(this::stopTheBrokerThreeTimes, "broker-flapping");
        flapping.start();
        try {
            // 500 updates spread over the three outages and the gaps between them
            for (int round = 1; round <= 10; round++) {
                for (Map.Entry<String, Map<String, Object>> clinician : clinicians.entrySet()) {
                    Map<String, Object> body = clinician.getValue();
                    body.put("displayName", "Dr Flapping, update " + round);
                    given().contentType(ContentType.JSON).body(body).put("/clinicians/{id}", clinician.getKey())
                            .then().statusCode(200);
                    body.put("version", round);
                    Thread.sleep(40);
                }
            }
        } finally {
            flapping.join();
            if (!broker.isRunning()) {
                broker.start();
            }
        }

        List<String> keys = clinicians.keySet().stream().map(id -> "clinician/" + id).toList();
        Map<String, List<Long>> versions = versionsByKey(keys, 10);
        long records = versions.values().stream().mapToLong(List::size).sum();
        long duplicates = records - versions.values().stream().mapToLong(seen -> seen.stream().distinct().count()).sum();
        List<String> reordered = versions.entrySet().stream()
                .filter(entry -> !entry.getValue().stream().distinct().toList().equals(ascending(10)))
                .map(Map.Entry::getKey).toList();
        System.out.printf("Broker flapping: %d records for %d updates, %d duplicates, %d keys reordered%n",
                records, keys.size() * 11, duplicates, reordered.size());

        assertThat(reordered).as("keys whose versions did not first appear in commit order").isEmpty();
        assertThat(versions).allSatisfy((key, seen) -> assertThat(seen.get(seen.size() - 1)).as(key).isEqualTo(10L));
    }

    @Test
    void anEventLargerThanTheBrokerAcceptsIsParkedAndTheEventsBehindItArrive() {
        List<String> keys = keys("large", 2);
        String tooLarge = keys.get(0);
        String behind = keys.get(1);
        byte[] noise = new byte[2_400_000];
        new SecureRandom().nextBytes(noise);
        QuarkusTransaction.requiringNew().run(() -> {
            append(behind, 0, "before");
            // incompressible, ~3.2 MB: more than the broker's 1 MB limit even compressed
            append(tooLarge, 0, Base64.getEncoder().encodeToString(noise));
            // ~3 MB of an allocation-like document: over the broker's limit as JSON, well under it compressed
            append(behind, 1, "assignment;".repeat(270_000));
            append(behind, 2, "after");
        });

        assertThat(versionsByKey(List.of(behind), 2).get(behind)).containsExactly(0L, 1L, 2L);
        OutboxMessage parked = QuarkusTransaction.requiringNew().call(() -> OutboxMessage
                .<OutboxMessage>find("eventSubject", tooLarge).firstResult());
        assertThat(parked).as("the refused event is kept").isNotNull();
        assertThat(parked.parkedAt).isNotNull();
        assertThat(parked.parkedReason).contains("RecordTooLarge");
        management().get("/q/metrics").then().body(containsString("rota_outbox_parked "));
        assertThat(kafka.readFor(Topics.CREDENTIALS, record -> record.key().equals(tooLarge), Duration.ofSeconds(2)))
                .isEmpty();
    }

    private void append(String key, long version, String content) {
        outbox.append(Topics.CREDENTIALS, "rota.relay-probe.v1", key, key, new Probe(key, version, content));
    }

    private static List<String> keys(String prefix, int count) {
        String run = UUID.randomUUID().toString();
        return IntStream.range(0, count).mapToObj(i -> "relay-probe/" + prefix + "-" + i + "-" + run).toList();
    }

    /** Reads the topic until every key reached {@code newest}; returns each key's versions in topic order. */
    private Map<String, List<Long>> versionsByKey(List<String> keys, long newest) {
        Map<String, List<Long>> versions = new HashMap<>();
        List<ConsumerRecord<String, String>> records = kafka.awaitUntil(Topics.CREDENTIALS,
                record -> keys.contains(record.key()),
                seen -> seen.stream().filter(record -> version(record) == newest).map(ConsumerRecord::key)
                        .collect(Collectors.toSet()).size() == keys.size(),
                Duration.ofSeconds(120));
        for (ConsumerRecord<String, String> record : records) {
            versions.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(version(record));
        }
        assertThat(versions.keySet()).as("keys that reached the topic").containsExactlyInAnyOrderElementsOf(keys);
        assertThat(versions).allSatisfy((key, seen) -> assertThat(seen).as(key).contains(newest));
        return versions;
    }

    private static long version(ConsumerRecord<String, String> record) {
        return JsonPath.from(record.value()).getLong("version");
    }

    private static List<Long> ascending(long newest) {
        return LongStream.rangeClosed(0, newest).boxed().toList();
    }

    /** Down 7 s (longer than the relay's send timeout, 4 s in tests), up 3 s, three times. */
    private void stopTheBrokerThreeTimes() {
        try {
            for (int outage = 0; outage < 3; outage++) {
                Thread.sleep(3_000);
                broker.stop();
                Thread.sleep(7_000);
                broker.start();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Flapping the broker failed", e);
        }
    }
}
