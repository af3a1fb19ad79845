package org.rota.tools.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.rota.events.Topics;
import org.rota.tools.client.RotaClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Event to allocation: a credential suspended in credential-service (the REST call returned, so the change is
 * committed) until the new allocation of its window is consumed from rota.allocations.v1. Runs against a running
 * system ({@code ./rota up -d}) on a fresh one-week, 500-activity department; prints p50/p95/max.
 *
 * <p>Usage: {@code EventToAllocationBench [changes=100] [activities=500] [clinicians=80]}
 */
public final class EventToAllocationBench {

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int activities = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int clinicians = args.length > 2 ? Integer.parseInt(args[2]) : 80;
        RotaClient rota = RotaClient.local();
        BenchDepartment department = new BenchDepartment();
        String key = "allocation/" + department.windowId();

        try (KafkaConsumer<String, String> allocations = consumer()) {
            allocations.subscribe(List.of(Topics.ALLOCATIONS));
            allocations.poll(Duration.ofSeconds(2));
            long setup = System.nanoTime();
            department.create(rota, clinicians, activities, 7);
            JsonNode current = awaitAllocation(allocations, key, -1, Duration.ofSeconds(120));
            System.out.printf("Department %s: %d activities, %d clinicians, %d credentials; first allocation v%d after"
                    + " %d ms (%d assignments, %d unfilled entries)%n", department.code, activities, clinicians,
                    department.credentials.size(), current.path("version").asLong(),
                    (System.nanoTime() - setup) / 1_000_000, current.path("assignments").size(),
                    current.path("unfilled").size());

            List<Long> latencies = new ArrayList<>();
            List<Integer> diffSizes = new ArrayList<>();
            for (int i = 0; i < changes; i++) {
                String credential = usedCredential(current, department, i);
                long before = System.nanoTime();
                rota.post(rota.credentials + "/credentials/" + credential + "/suspend", Map.of("reason", "bench"))
                        .require("Suspending");
                long committed = System.nanoTime();
                JsonNode next = awaitAllocation(allocations, key, current.path("version").asLong(), Duration.ofSeconds(30));
                long latency = (System.nanoTime() - committed) / 1_000_000;
                latencies.add(latency);
                diffSizes.add(next.path("diff").path("added").size() + next.path("diff").path("removed").size());
                current = next;
                rota.post(rota.credentials + "/credentials/" + credential + "/reinstate", Map.of("reason", "bench"))
                        .require("Reinstating");
                // the reinstatement is solved too (often with no change): let it pass before the next measurement
                current = settle(allocations, key, current);
                if (i % 10 == 9) {
                    System.out.printf("  %d changes measured (last %d ms, REST %d ms)%n", i + 1, latency,
                            (committed - before) / 1_000_000);
                }
            }
            Collections.sort(latencies);
            System.out.printf("%nEvent to allocation over %d credential suspensions: p50 %d ms, p95 %d ms, max %d ms;"
                    + " median diff %d assignments of %d%n", latencies.size(), percentile(latencies, 50),
                    percentile(latencies, 95), latencies.get(latencies.size() - 1),
                    diffSizes.stream().sorted().toList().get(diffSizes.size() / 2), current.path("assignments").size());
        }
    }

    /** A credential whose holder does that procedure somewhere in the allocation, so suspending it must re-plan. */
    private static String usedCredential(JsonNode allocation, BenchDepartment department, int round) {
        List<String> used = new ArrayList<>();
        department.credentials.forEach((id, holderAndProcedure) -> {
            for (JsonNode entry : allocation.path("assignments")) {
                if (entry.path("clinicianId").asText().equals(holderAndProcedure[0])
                        && holderAndProcedure[1].equals(entry.path("procedureCode").asText())) {
                    used.add(id);
                    return;
                }
            }
        });
        if (used.isEmpty()) {
            throw new IllegalStateException("No credential is in use in the allocation");
        }
        return used.get(round % used.size());
    }

    private static JsonNode settle(KafkaConsumer<String, String> allocations, String key, JsonNode current) {
        JsonNode latest = current;
        long quietUntil = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        while (System.nanoTime() < quietUntil) {
            JsonNode next = poll(allocations, key, latest.path("version").asLong(), Duration.ofMillis(200));
            if (next != null) {
                latest = next;
                quietUntil = System.nanoTime() + Duration.ofMillis(1000).toNanos();
            }
        }
        return latest;
    }

    private static JsonNode awaitAllocation(KafkaConsumer<String, String> allocations, String key, long afterVersion,
            Duration timeout) {
        JsonNode found = poll(allocations, key, afterVersion, timeout);
        if (found == null) {
            throw new IllegalStateException("No allocation newer than v" + afterVersion + " within " + timeout);
        }
        return found;
    }

    private static JsonNode poll(KafkaConsumer<String, String> allocations, String key, long afterVersion,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : allocations.poll(Duration.ofMillis(50))) {
                if (key.equals(record.key())) {
                    try {
                        JsonNode allocation = RotaClient.JSON.readTree(record.value());
                        if (allocation.path("version").asLong() > afterVersion) {
                            return allocation;
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return null;
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    static KafkaConsumer<String, String> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("ROTA_KAFKA_BOOTSTRAP",
                "127.0.0.1:9092"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "rota-bench-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private EventToAllocationBench() {
    }
}
