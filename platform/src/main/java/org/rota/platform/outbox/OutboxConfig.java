package org.rota.platform.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rota.outbox")
public interface OutboxConfig {

    /** How often the relay looks for events when no commit woke it (and how often a standby replica asks for the lock). */
    @WithDefault("1s")
    Duration pollInterval();

    @WithDefault("500")
    int batchSize();

    /**
     * How long the broker may take to acknowledge a batch (the producer's {@code delivery.timeout.ms}); a batch not
     * acknowledged by then is aborted and sent again whole, after every one of its sends has completed or failed.
     */
    @WithDefault("10s")
    Duration sendTimeout();

    @WithDefault("2s")
    Duration retryBackoff();

    /**
     * A relay that has not confirmed its lock for this long (a frozen process, a lost network) loses it to another
     * replica; a live relay confirms it every second and before every batch.
     */
    @WithDefault("10s")
    Duration lockTimeout();

    /**
     * The Kafka {@code transactional.id} of this service's relay, shared by its replicas so that a new relay fences
     * the one before it. Defaults to {@code rota-outbox} followed by {@code rota.events.source}.
     */
    Optional<String> transactionalId();

    /**
     * Kafka producer settings on top of the {@code kafka.*} ones (compression, size limit, linger...). The settings
     * that per-key order depends on are the relay's own and cannot be changed here; see {@link OutboxProducers}.
     */
    Map<String, String> producer();
}
