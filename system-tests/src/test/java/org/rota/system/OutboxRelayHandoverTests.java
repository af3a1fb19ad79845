package org.rota.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rota.events.Topics;
import org.rota.infra.KafkaTestClient;
import org.rota.infra.LocalKafkaBroker;
import org.rota.infra.LocalPostgres;
import org.rota.infra.QuarkusServiceProcess;
import org.rota.tools.client.RotaClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two credential-service processes share one database, so two outbox relays compete for one outbox. Only one relays at
 * a time; when it freezes in the middle of a batch the other takes over, and when the frozen one wakes up, what it
 * still had in flight never reaches the topic: order kept, nothing lost.
 */
class OutboxRelayHandoverTests {

    private static final Pattern RELAYING = Pattern.compile("(?m)^rota_outbox_relaying(?:\\{[^}]*})? ([0-9.]+)");
    private static final Pattern IN_FLIGHT = Pattern.compile("(?m)^rota_outbox_in_flight(?:\\{[^}]*})? ([0-9.]+)");
    private static final int CLINICIANS = 20;

    private static RotaSystem system;
    private static LocalKafkaBroker kafka;
    private static LocalPostgres postgres;
    private static KafkaTestClient topics;
    private static QuarkusServiceProcess first;
    private static QuarkusServiceProcess second;

    /**
     * A broker and a database of their own: this test takes the broker down and needs no other service; the system's
     * Keycloak signs the requests.
     */
    @BeforeAll
    static void startTwoReplicasOnOneDatabase() throws IOException {
        system = RotaSystem.get();
        kafka = LocalKafkaBroker.onFreePorts().start();
        kafka.createTopics(Topics.ALL);
        topics = new KafkaTestClient(kafka.bootstrapServers());
        postgres = LocalPostgres.forTests();
        first = replica("credentials-relay-a").start();
        awaitMetric(first, RELAYING, value -> value == 1.0, Duration.ofSeconds(60));
        second = replica("credentials-relay-b").start();
    }

    @AfterAll
    static void stopThem() {
        if (first != null) {
            if (first.isRunning()) {
                first.resume();
            }
            first.stop();
        }
        if (second != null) {
            second.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }

    @Test
    void aRelayFrozenMidBatchHandsOverAndWritesNothingStaleWhenItWakes() throws Exception {
        RotaClient viaFirst = system.signedIn(first.url(), null, null);
        RotaClient viaSecond = system.signedIn(second.url(), null, null);
        Map<String, Map<String, Object>> clinicians = new LinkedHashMap<>();
        String run = UUID.randomUUID().toString();
        for (int i = 0; i < CLINICIANS; i++) {
            Map<String, Object> body = new HashMap<>(Map.of("externalId", "HANDOVER-" + run + "-" + i,
                    "displayName", "Dr Handover " + i, "role", "FACULTY", "departments", List.of("UROLOGY"),
                    "fte", 1.0));
            String id = viaFirst.post(first.url() + "/clinicians", body).require("Creating a clinician")
                    .path("id").asText();
            body.put("version", 0);
            clinicians.put("clinician/" + id, body);
        }
        awaitNewest(clinicians.keySet(), 0);

        // the first replica relays; with the broker away it is stuck in the middle of its next batch
        kafka.stop();
        try {
            update(viaFirst, clinicians, 1);
            awaitMetric(first, IN_FLIGHT, value -> value > 0, Duration.ofSeconds(30));
            first.pause();
        } finally {
            kafka.start();
        }

        // its lock times out: the second replica relays the batch the first one froze in, then what comes next
        awaitNewest(clinicians.keySet(), 1);
        update(viaSecond, clinicians, 2);
        awaitNewest(clinicians.keySet(), 2);

        // the first one wakes up with the old batch still in its producer: fenced, it writes none of it
        first.resume();
        awaitMetric(first, RELAYING, value -> value == 0.0, Duration.ofSeconds(30));
        Map<String, List<Long>> afterWaking = versions(clinicians.keySet(),
                topics.readFor(Topics.CREDENTIALS, record -> clinicians.containsKey(record.key()),
                        Duration.ofSeconds(5)));
        assertThat(afterWaking).as("last version of each key once the frozen relay woke up")
                .allSatisfy((key, seen) -> assertThat(seen.get(seen.size() - 1)).as(key).isEqualTo(2L));

        // nothing is lost either way round: writes through the woken replica are relayed by the other
        update(viaFirst, clinicians, 3);
        Map<String, List<Long>> versions = awaitNewest(clinicians.keySet(), 3);
        assertThat(versions).allSatisfy((key, seen) -> {
            assertThat(seen.stream().distinct().toList()).as(key).containsExactly(0L, 1L, 2L, 3L);
            assertThat(seen.get(seen.size() - 1)).as(key).isEqualTo(3L);
        });
    }

    private static QuarkusServiceProcess replica(String name) {
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.createDatabase("credentials"));
        environment.put("QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USER);
        environment.put("QUARKUS_DATASOURCE_PASSWORD", LocalPostgres.PASSWORD);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("ROTA_OIDC_ISSUER", system.keycloak.issuer());
        // a frozen relay loses its lock well before its sends would time out, so it wakes up with them still live
        environment.put("ROTA_OUTBOX_LOCK_TIMEOUT", "5s");
        environment.put("ROTA_OUTBOX_SEND_TIMEOUT", "120s");
        // with the broker away a send waits for the topic's metadata (the client forgets it): let it wait that long
        environment.put("ROTA_OUTBOX_PRODUCER__MAX_BLOCK_MS_", "120000");
        Path jar = Path.of("..", "credential-service", "target", "quarkus-app", "quarkus-run.jar");
        return new QuarkusServiceProcess(name, jar, environment, Path.of("target", "logs", name + ".log"));
    }

    private void update(RotaClient via, Map<String, Map<String, Object>> clinicians, int version) {
        for (Map.Entry<String, Map<String, Object>> clinician : clinicians.entrySet()) {
            Map<String, Object> body = clinician.getValue();
            body.put("displayName", "Dr Handover, version " + version);
            String id = clinician.getKey().substring("clinician/".length());
            JsonNode updated = via.put(via.credentials + "/clinicians/" + id, body).require("Updating a clinician");
            assertThat(updated.path("version").asLong()).isEqualTo(version);
            body.put("version", version);
        }
    }

    private static Map<String, List<Long>> awaitNewest(Set<String> keys, long newest) {
        List<ConsumerRecord<String, String>> records = topics.awaitUntil(Topics.CREDENTIALS,
                record -> keys.contains(record.key()),
                seen -> seen.stream().filter(record -> version(record) == newest).map(ConsumerRecord::key)
                        .collect(Collectors.toSet()).size() == keys.size(),
                Duration.ofSeconds(120));
        Map<String, List<Long>> versions = versions(keys, records);
        assertThat(versions).as("versions by key, waiting for " + newest)
                .allSatisfy((key, seen) -> assertThat(seen).as(key).contains(newest));
        return versions;
    }

    private static Map<String, List<Long>> versions(Set<String> keys,
            List<ConsumerRecord<String, String>> records) {
        Map<String, List<Long>> versions = new HashMap<>();
        keys.forEach(key -> versions.put(key, new ArrayList<>()));
        records.forEach(record -> versions.get(record.key()).add(version(record)));
        return versions;
    }

    private static long version(ConsumerRecord<String, String> record) {
        try {
            return RotaClient.JSON.readTree(record.value()).path("version").asLong();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitMetric(QuarkusServiceProcess service, Pattern metric,
            DoublePredicate condition, Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        // a scrape that times out on a loaded machine is just another poll
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(service.managementUrl() + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher value = metric.matcher(response.body());
            return value.find() && condition.test(Double.parseDouble(value.group(1)));
        });
    }
}
