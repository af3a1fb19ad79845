package org.rota.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;
import org.rota.platform.outbox.Outbox.OutboxAppended;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes the outbox to Kafka in commit order, as binary-mode CloudEvents, and deletes what Kafka committed.
 * <p>
 * Order: one batch at a time, in one Kafka transaction. A batch is committed only if every one of its records was
 * acknowledged; otherwise it is aborted (read_committed consumers never see it) and sent again whole, and only after
 * every one of its sends has completed or failed, so no re-send ever overtakes a send still in flight. The producer's
 * own retries (idempotent, at most 5 requests in flight) never reorder a partition. A record the broker refuses for
 * good (too large, invalid) is parked in the outbox with its reason instead of blocking the records behind it.
 * <p>
 * Handover: only the replica holding the {@link RelayLock} relays, and its producer fences every earlier relay of
 * the service (same transactional id), so a relay that was frozen mid-batch and wakes up can no longer write.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int MAX_REASON_LENGTH = 2000;

    private final OutboxRepository repository;
    private final OutboxConfig config;
    private final RelayLock lock;
    private final OutboxProducers producers;
    private final Counter published;
    private final Timer publishDelay;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private volatile int inFlight;
    /** Only the relay thread touches it; present while this replica is the relay. */
    private Producer<String, String> producer;
    private ExecutorService worker;
    private ScheduledExecutorService lockKeeper;

    OutboxRelay(OutboxRepository repository, OutboxConfig config, RelayLock lock, OutboxProducers producers,
            MeterRegistry metrics) {
        this.repository = repository;
        this.config = config;
        this.lock = lock;
        this.producers = producers;
        this.published = Counter.builder("rota.outbox.published").description("Events published from the outbox")
                .register(metrics);
        this.publishDelay = Timer.builder("rota.outbox.publish.delay")
                .description("From an event's commit in the outbox to Kafka's commit of the batch that carries it")
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .register(metrics);
        metrics.gauge("rota.outbox.pending", this, relay -> relay.inTransaction(() -> (double) repository.pending()));
        metrics.gauge("rota.outbox.lag.seconds", this,
                relay -> relay.inTransaction(() -> repository.oldestPendingAge().toMillis() / 1000.0));
        metrics.gauge("rota.outbox.parked", this, relay -> relay.inTransaction(() -> (double) repository.parked()));
        metrics.gauge("rota.outbox.relaying", this, relay -> relay.lock.held() ? 1 : 0);
        metrics.gauge("rota.outbox.in.flight", this, relay -> relay.inFlight);
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        worker = Executors.newSingleThreadExecutor(task -> new Thread(task, "outbox-relay"));
        worker.submit(this::relayUntilShutdown);
        // confirmed apart from the relay thread, which may block for seconds in the producer (initTransactions,
        // commit, abort): only a frozen or cut-off process lets its lock lapse
        lockKeeper = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "outbox-relay-lock"));
        lockKeeper.scheduleWithFixedDelay(this::keepLock, 1, 1, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wakeUp.release();
        lockKeeper.shutdownNow();
        worker.shutdown();
        if (!worker.awaitTermination(config.sendTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
            worker.shutdownNow();
        }
    }

    /** A committed write wakes the relay at once instead of at the next poll. */
    void wakeUp(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        wakeUp.release();
    }

    private void keepLock() {
        if (lock.held()) {
            lock.confirm();
        }
    }

    private void relayUntilShutdown() {
        try {
            while (running) {
                try {
                    wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                    while (running && relaying() && publishBatch()) {
                        // more may be waiting
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    LOG.warnf("Outbox not published yet, will retry in %s: %s", config.retryBackoff(), e.toString());
                    discardProducer();
                    sleep(config.retryBackoff());
                }
            }
        } finally {
            closeProducer();
            lock.release();
        }
    }

    /** Whether this replica is the relay: it holds the lock, and its producer has fenced every earlier relay. */
    private boolean relaying() {
        if (!lock.confirm()) {
            if (producer != null) {
                LOG.warn("This replica lost the outbox relay lock; another replica takes over");
                discardProducer();
            }
            if (!lock.tryAcquire()) {
                return false;
            }
            LOG.infof("This replica now relays the outbox (transactional id %s)", producers.transactionalId());
        }
        if (producer == null) {
            producer = producers.create();
        }
        return true;
    }

    /** Publishes the oldest pending events in one Kafka transaction; true if more may be waiting. */
    boolean publishBatch() throws InterruptedException {
        List<OutboxMessage> batch = QuarkusTransaction.requiringNew()
                .call(() -> repository.oldestPending(config.batchSize()));
        if (batch.isEmpty()) {
            return false;
        }
        producer.beginTransaction();
        List<Delivery> deliveries = new ArrayList<>(batch.size());
        inFlight = batch.size();
        try {
            for (OutboxMessage message : batch) {
                Delivery delivery = Delivery.send(producer, message);
                deliveries.add(delivery);
                if (delivery.failed()) {
                    break; // the transaction cannot commit any more: send nothing else of it
                }
            }
            if (!awaitEvery(deliveries)) {
                LOG.warn("This replica lost the outbox relay lock mid-batch; the batch is left to the next relay");
                discardProducer();
                return false;
            }
        } finally {
            inFlight = 0;
        }
        List<Delivery> failed = deliveries.stream().filter(Delivery::failed).toList();
        if (failed.isEmpty()) {
            return commit(batch);
        }
        abort();
        List<Delivery> refused = failed.stream().filter(Delivery::refusedForGood).toList();
        if (refused.isEmpty()) {
            throw new KafkaException("Kafka did not take the batch of " + batch.size() + " events: "
                    + failed.get(0).failure(), failed.get(0).failure());
        }
        park(refused);
        return true;
    }

    /**
     * Waits until every send has completed or failed (the producer fails a send by {@code send-timeout}); false if
     * the lock was lost meanwhile.
     */
    private boolean awaitEvery(List<Delivery> deliveries) throws InterruptedException {
        long deadline = System.nanoTime() + config.sendTimeout().plus(config.lockTimeout()).toNanos();
        for (Delivery delivery : deliveries) {
            while (!delivery.done()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The producer neither acknowledged nor failed a send within "
                            + config.sendTimeout().plus(config.lockTimeout()));
                }
                try {
                    delivery.acknowledgement().get(1, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException notYet) {
                    // failed (looked at later) or still waiting
                }
                if (!delivery.done() && !lock.held()) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean commit(List<OutboxMessage> batch) {
        if (!lock.held()) {
            LOG.warn("This replica lost the outbox relay lock before committing; the batch is left to the next relay");
            discardProducer();
            return false;
        }
        producer.commitTransaction();
        Instant committed = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> repository.deletePublished(batch));
        for (OutboxMessage message : batch) {
            publishDelay.record(Duration.between(message.eventTime, committed));
        }
        published.increment(batch.size());
        return batch.size() == config.batchSize();
    }

    private void abort() {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            LOG.debugf("Aborting the outbox batch failed (%s); the next producer fences it", e.getMessage());
            discardProducer();
        }
    }

    private void park(List<Delivery> refused) {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> refused.forEach(delivery -> repository.park(delivery.message,
                abbreviate(delivery.failure().toString()), now)));
        for (Delivery delivery : refused) {
            OutboxMessage message = delivery.message;
            // never the payload: it may carry personal data
            LOG.errorf("Outbox event parked, Kafka refuses it for good: topic %s, key %s, event id %s, outbox id %d: %s",
                    message.topic, message.key, message.eventId, message.id, delivery.failure().toString());
        }
    }

    private static String abbreviate(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH);
    }

    /** Drops the producer without waiting: whatever it still had in flight is fenced by the next one. */
    private void discardProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debugf("Closing the outbox producer: %s", e.getMessage());
            }
            producer = null;
        }
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debugf("Closing the outbox producer: %s", e.getMessage());
            }
            producer = null;
        }
    }

    private double inTransaction(Supplier<Double> query) {
        return QuarkusTransaction.requiringNew().call(query::get);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
