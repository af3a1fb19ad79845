package org.rota.platform.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.common.annotation.Identifier;

/**
 * Builds the relay's Kafka producer: the {@code kafka.*} client settings (bootstrap servers, security), then
 * {@code rota.outbox.producer.*}, then the settings per-key order and fencing depend on, which are not negotiable.
 */
@ApplicationScoped
class OutboxProducers {

    /** Set by the relay itself: a configured value would change what the relay promises. */
    private static final Set<String> OWNED = Set.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, ProducerConfig.ACKS_CONFIG,
            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, ProducerConfig.RETRIES_CONFIG,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);

    private final Map<String, Object> kafka;
    private final OutboxConfig config;
    private final String transactionalId;

    OutboxProducers(@Identifier("default-kafka-broker") Map<String, Object> kafka, OutboxConfig config,
            @ConfigProperty(name = "rota.events.source") String source) {
        this.kafka = kafka;
        this.config = config;
        this.transactionalId = config.transactionalId().orElse("rota-outbox" + source);
    }

    /**
     * A producer that has registered its transactional id: any transaction an earlier relay of this service left
     * open is aborted, and that relay can no longer write.
     */
    Producer<String, String> create() {
        KafkaProducer<String, String> producer = new KafkaProducer<>(settings());
        try {
            producer.initTransactions();
            return producer;
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
    }

    String transactionalId() {
        return transactionalId;
    }

    Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        kafka.forEach((name, value) -> {
            if (ProducerConfig.configNames().contains(name)) {
                settings.put(name, value);
            }
        });
        config.producer().forEach((name, value) -> {
            if (OWNED.contains(name)) {
                throw new IllegalStateException("rota.outbox.producer." + name + " cannot be set: the outbox relay "
                        + "sets it (per-key order and fencing depend on it; see rota.outbox.send-timeout and "
                        + "rota.outbox.transactional-id)");
            }
            settings.put(name, value);
        });
        settings.putIfAbsent(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.putIfAbsent(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, transactionalId.replaceAll("[^A-Za-z0-9._-]", "-"));
        // the producer's own retries stay on (unbounded within delivery.timeout.ms): with idempotence and at most
        // 5 requests in flight they never reorder a partition
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis());
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return settings;
    }
}
