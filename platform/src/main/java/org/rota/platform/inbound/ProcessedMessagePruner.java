package org.rota.platform.inbound;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

/**
 * Forgets the ids of inbound messages applied longer ago than {@code rota.inbound.processed-retention}, in batches
 * of {@code rota.inbound.prune-batch-size}, each in its own short transaction. Replicas may run it at the same
 * time: they skip the rows another one is deleting.
 */
@ApplicationScoped
public class ProcessedMessagePruner {

    private static final Logger LOG = Logger.getLogger(ProcessedMessagePruner.class);

    private final ProcessedMessages processed;
    private final InboundConfig config;

    ProcessedMessagePruner(ProcessedMessages processed, InboundConfig config) {
        this.processed = processed;
        this.config = config;
    }

    @Scheduled(identity = "processed-message-pruner", every = "${rota.inbound.prune-interval}",
            delayed = "${rota.inbound.prune-interval}", concurrentExecution = ConcurrentExecution.SKIP)
    void pruneOnSchedule() {
        prune();
    }

    /** Returns how many ids were forgotten. */
    public long prune() {
        Instant before = Instant.now().minus(config.processedRetention());
        long forgotten = 0;
        int deleted;
        do {
            deleted = processed.forgetAppliedBefore(before, config.pruneBatchSize());
            forgotten += deleted;
        } while (deleted == config.pruneBatchSize());
        if (forgotten > 0) {
            LOG.infof("Forgot %d inbound message id(s) applied before %s", forgotten, before);
        }
        return forgotten;
    }
}
