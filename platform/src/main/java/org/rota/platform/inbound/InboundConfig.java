package org.rota.platform.inbound;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rota.inbound")
public interface InboundConfig {

    /**
     * How long the id of an applied message is remembered. Longer than the inbound topics keep their messages
     * (Kafka's default is 7 days), so that any redelivery the topic can still produce is recognised.
     */
    @WithDefault("14d")
    Duration processedRetention();

    /**
     * The {@code ce_source} values of the systems allowed to write to this service's inbound topic; a message from
     * any other source is dead-lettered unread. Unset, nothing is accepted: a topic anyone on the network can write
     * to must not become a way around the REST API's checks.
     */
    Optional<Set<String>> allowedSources();

    /** How often the ids older than the retention are pruned. */
    @WithDefault("1h")
    Duration pruneInterval();

    /** Ids deleted per statement (and transaction) when pruning, so pruning never holds long locks. */
    @WithDefault("10000")
    int pruneBatchSize();

    /**
     * The most messages of a batch applied in one transaction: fewer commits, but a refused message makes the
     * messages before it in its transaction be applied again.
     */
    @WithDefault("250")
    int transactionSize();

    /** Waiting between attempts while a transient failure lasts: from the first delay, doubling, up to the max. */
    Retry retry();

    /** How long the broker may take to acknowledge the dead letters of a batch before the batch is tried again. */
    @WithDefault("10s")
    Duration deadLetterTimeout();

    interface Retry {

        @WithDefault("500ms")
        Duration firstDelay();

        @WithDefault("10s")
        Duration maxDelay();
    }
}
