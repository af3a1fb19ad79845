package org.rota.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rota.events.Topics;
import org.rota.infra.QuarkusServiceProcess;
import org.rota.tools.client.RotaClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two solver-service replicas share the planning windows through the Kafka consumer group, by partition: each window
 * is solved by exactly one of them, and when one dies the other takes its windows over.
 */
class SolverReplicasTests {

    private static RotaSystem system;
    private static QuarkusServiceProcess second;

    @BeforeAll
    static void startASecondReplica() {
        system = RotaSystem.get();
        second = system.solverReplica("solver-b").start();
        awaitBothReplicasOwnPartitions();
    }

    @AfterAll
    static void stopIt() {
        second.stop();
    }

    @Test
    void everyWindowIsSolvedByOneReplicaAndAKilledReplicaLosesNoWindow() {
        List<Hospital> hospitals = twoWindowsPerPartition();
        for (Hospital hospital : hospitals) {
            hospital.clinician("Dr Shared " + hospital.department);
            hospital.activities(List.of(hospital.activity(null, 0, 9, 1), hospital.activity(null, 3, 9, 1)));
        }
        for (Hospital hospital : hospitals) {
            Allocations.await(system.topics, hospital.windowId(), a -> a.path("assignments").size() == 2,
                    Duration.ofSeconds(90));
        }
        Map<String, Set<String>> solvers = solversByWindow(hospitals, Instant.EPOCH);
        assertThat(solvers.values()).as("replicas per window").allSatisfy(replicas -> assertThat(replicas).hasSize(1));

        assertThat(solvers.values().stream().flatMap(Set::stream).distinct()).as("replicas that solved")
                .containsExactlyInAnyOrder("solver-a", "solver-b");

        // freeze replica a, ask for every window again, then kill a while its share of the work is in flight
        system.solver.pause();
        Instant requested = Instant.now();
        RotaClient viaSecond = system.signedIn(system.credentials.url(), system.activities.url(), second.url());
        for (Hospital hospital : hospitals) {
            viaSecond.post(second.url() + "/solves", Map.of("from", hospital.monday, "to", hospital.monday.plusDays(7),
                    "department", hospital.department)).require("Requesting a solve");
        }
        system.solver.kill();
        try {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                Map<String, Set<String>> afterKill = solversByWindow(hospitals, requested, viaSecond);
                assertThat(afterKill.keySet()).as("windows solved since the request")
                        .containsExactlyInAnyOrderElementsOf(hospitals.stream().map(Hospital::windowId).toList());
                assertThat(afterKill.values()).allSatisfy(replicas -> assertThat(replicas).containsExactly("solver-b"));
            });
        } finally {
            system.solver.start();
        }
    }

    /** Departments whose windows land two on each partition of the work topic, so both replicas get work. */
    private static List<Hospital> twoWindowsPerPartition() {
        List<Hospital> chosen = new ArrayList<>();
        int[] perPartition = new int[Topics.PARTITIONS];
        while (chosen.size() < 2 * Topics.PARTITIONS) {
            Hospital candidate = new Hospital(system.rota, 5);
            byte[] key = candidate.windowId().getBytes(StandardCharsets.UTF_8);
            int partition = Utils.toPositive(Utils.murmur2(key)) % Topics.PARTITIONS; // the producer's default
            if (perPartition[partition] < 2) {
                perPartition[partition]++;
                chosen.add(candidate);
            }
        }
        return chosen;
    }

    /** Until the group has rebalanced, one replica may still own every partition. */
    private static void awaitBothReplicasOwnPartitions() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.kafka.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("rota-solver-workers"))
                        .describedGroups().get("rota-solver-workers").get();
                return group.members().size() == 2
                        && group.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
            });
        }
    }

    private static Map<String, Set<String>> solversByWindow(List<Hospital> hospitals, Instant since) {
        return solversByWindow(hospitals, since, system.rota);
    }

    /** For each window, the replicas that finished a run of it requested (or triggered) after {@code since}. */
    private static Map<String, Set<String>> solversByWindow(List<Hospital> hospitals, Instant since, RotaClient rota) {
        Map<String, Set<String>> solvers = new HashMap<>();
        for (Hospital hospital : hospitals) {
            JsonNode runs = rota.get(rota.solver + "/solves?size=100&windowId=" + hospital.windowId())
                    .require("Reading the solve history");
            for (JsonNode run : runs.path("items")) {
                boolean finished = run.hasNonNull("finishedAt");
                boolean recent = Instant.parse(run.path("startedAt").asText()).isAfter(since);
                boolean counted = since.equals(Instant.EPOCH) || "REQUEST".equals(run.path("trigger").asText());
                if (finished && recent && counted) {
                    solvers.computeIfAbsent(hospital.windowId(), id -> new HashSet<>()).add(run.path("solvedBy").asText());
                }
            }
        }
        return solvers;
    }
}
