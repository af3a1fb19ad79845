package org.rota.solver.service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.rota.events.Topics;
import org.rota.platform.problem.ProblemException;
import org.rota.solver.config.ProjectionConfig;
import org.rota.solver.config.SolverConfig;
import org.rota.solver.repository.ReadModelLock;
import org.rota.solver.repository.ReadModelStaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;

/**
 * Rebuilds the read model from the beginning of the compacted change topics, beside the live one: the events are
 * replayed into a staging schema while the live model goes on serving solves and following the topics. Then, holding
 * the {@link ReadModelLock} alone (the live projection and the reading of problems wait), it replays what arrived
 * meanwhile and replaces the live model's rows with the staging copy in one transaction. A solve therefore reads
 * either the old model or the new one, whole, never a half-built one. Every current window is then solved again.
 */
@ApplicationScoped
public class ReadModelRebuilder {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuilder.class);
    private static final List<String> TOPICS = List.of(Topics.CREDENTIALS, Topics.ACTIVITIES);
    private static final int REPLAY_BATCH = 1000;

    private final ReadModelStaging tables;
    private final ChangeProjection projection;
    private final ReadModelLock lock;
    private final SolveRequests solveRequests;
    private final ZoneId zone;
    private final Duration patience;
    private final Map<String, Object> consumerSettings = new HashMap<>();

    ReadModelRebuilder(ReadModelStaging tables, ChangeProjection projection, ReadModelLock lock,
            SolveRequests solveRequests, SolverConfig solverConfig, ProjectionConfig projectionConfig,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.tables = tables;
        this.projection = projection;
        this.lock = lock;
        this.solveRequests = solveRequests;
        this.zone = solverConfig.zone();
        this.patience = projectionConfig.rebuildPatience();
        // the kafka.* settings a consumer knows (the broker, SASL), not the channels' own ones
        kafka.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                consumerSettings.put(key, value);
            }
        });
    }

    public record Rebuilt(long events, long rejected, long millis) {
    }

    public synchronized Rebuilt rebuild() {
        long started = System.nanoTime();
        String staging = "read_model_rebuild_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        Replay replay = new Replay();
        String live = QuarkusTransaction.requiringNew().call(() -> tables.create(staging));
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            TOPICS.forEach(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            replay.until(consumer, partitions, staging);
            QuarkusTransaction.requiringNew().run(() -> {
                lock.exclude();
                // the live projection waits from here on: what it applied before is below these end offsets
                replay.until(consumer, partitions, staging);
                tables.replaceLiveRows(live, staging);
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> tables.drop(staging));
        }
        solveAllCurrentWindows();
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("Read model rebuilt from %d events (%d rejected) in %d ms", replay.events, replay.rejected, millis);
        return new Rebuilt(replay.events, replay.rejected, millis);
    }

    /** Reads the topics into the staging schema up to their end offsets as of each call. */
    private final class Replay {
        long events;
        long rejected;

        void until(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions, String staging) {
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
            long lastProgress = System.nanoTime();
            while (!caughtUp(consumer, end)) {
                List<ConsumerRecord<String, String>> batch = new ArrayList<>();
                consumer.poll(Duration.ofMillis(500)).forEach(batch::add);
                if (batch.isEmpty()) {
                    if (System.nanoTime() - lastProgress > patience.toNanos()) {
                        throw new ProblemException(503, "Rebuild not finished", "The change topics yielded nothing"
                                + " for " + patience + " before the rebuild caught up; the live read model is unchanged",
                                null);
                    }
                    continue;
                }
                lastProgress = System.nanoTime();
                events += batch.size();
                rejected += projection.applyToStaging(batch, staging).size();
            }
        }
    }

    private void solveAllCurrentWindows() {
        LocalDate today = LocalDate.now(zone);
        solveRequests.request(today.minusDays(7), today.plusWeeks(25), null);
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private KafkaConsumer<String, String> consumer() {
        Properties config = new Properties();
        config.putAll(consumerSettings);
        // no consumer group: the rebuild assigns itself every partition and commits nothing
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "rota-solver-rebuild-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(REPLAY_BATCH));
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
