package org.rota.solver.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.rota.events.Topics;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Rebuilds the read model from the beginning of the compacted change topics. The tables are emptied first and the
 * topics' end offsets read after that, so whatever the live consumers apply meanwhile is either replayed here or
 * applied by them afterwards; version checks make the order irrelevant. Every window is then solved once.
 */
@ApplicationScoped
public class ReadModelRebuilder {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuilder.class);
    private static final List<String> TOPICS = List.of(Topics.CREDENTIALS, Topics.ACTIVITIES);

    private final EntityManager em;
    private final ChangeProjection projection;
    private final SolveRequests solveRequests;
    private final String bootstrapServers;

    ReadModelRebuilder(EntityManager em, ChangeProjection projection, SolveRequests solveRequests,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.em = em;
        this.projection = projection;
        this.solveRequests = solveRequests;
        this.bootstrapServers = bootstrapServers;
    }

    public record Rebuilt(long events, long rejected, long millis) {
    }

    public synchronized Rebuilt rebuild() {
        long started = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "TRUNCATE known_clinician, known_credential, known_activity, known_absence, known_preference")
                .executeUpdate());
        long events = 0;
        long rejected = 0;
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            TOPICS.forEach(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
            while (!caughtUp(consumer, end)) {
                List<ConsumerRecord<String, String>> batch = new ArrayList<>();
                consumer.poll(Duration.ofMillis(500)).forEach(batch::add);
                if (!batch.isEmpty()) {
                    events += batch.size();
                    rejected += projection.apply(batch, false).size();
                }
            }
        }
        solveAllCurrentWindows();
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("Read model rebuilt from %d events (%d rejected) in %d ms", events, rejected, millis);
        return new Rebuilt(events, rejected, millis);
    }

    private void solveAllCurrentWindows() {
        var today = java.time.LocalDate.now();
        solveRequests.request(today.minusDays(7), today.plusWeeks(25), null);
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private KafkaConsumer<String, String> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "rota-solver-rebuild-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
