package org.rota.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.rota.events.CloudEventHeaders;
import org.rota.platform.outbox.Outbox.OutboxAppended;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes the outbox to Kafka in commit order, as binary-mode CloudEvents, and deletes what the broker acknowledged.
 * A batch that is not fully acknowledged stays in the outbox and is sent again whole, so the last record of every
 * key on the topic is always its newest state (at-least-once; consumers ignore versions they already hold).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final Emitter<String> kafka;
    private final OutboxConfig config;
    private final Counter published;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private ExecutorService worker;

    OutboxRelay(OutboxRepository repository,
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) Emitter<String> kafka,
            OutboxConfig config, MeterRegistry metrics) {
        this.repository = repository;
        this.kafka = kafka;
        this.config = config;
        this.published = Counter.builder("rota.outbox.published").description("Events published from the outbox")
                .register(metrics);
        metrics.gauge("rota.outbox.pending", this, relay -> relay.inTransaction(() -> (double) repository.pending()));
        metrics.gauge("rota.outbox.lag.seconds", this,
                relay -> relay.inTransaction(() -> repository.oldestPendingAge().toMillis() / 1000.0));
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        worker = Executors.newSingleThreadExecutor(task -> new Thread(task, "outbox-relay"));
        worker.submit(this::relayUntilShutdown);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wakeUp.release();
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** A committed write wakes the relay at once instead of at the next poll. */
    void wakeUp(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        wakeUp.release();
    }

    private void relayUntilShutdown() {
        while (running) {
            try {
                wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                while (running && publishBatch() == config.batchSize()) {
                    // a full batch: more may be waiting
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Outbox not published yet, will retry in %s: %s", config.retryBackoff(), e.getMessage());
                sleep(config.retryBackoff());
            }
        }
    }

    /** Sends the oldest pending events and waits for every acknowledgement; returns how many were published. */
    int publishBatch() {
        return QuarkusTransaction.requiringNew().timeout((int) config.sendTimeout().toSeconds() + 30).call(() -> {
            if (!repository.tryRelayLock()) {
                return 0;
            }
            List<OutboxMessage> batch = repository.oldestPending(config.batchSize());
            if (batch.isEmpty()) {
                return 0;
            }
            CompletableFuture<?>[] acknowledgements = batch.stream().map(this::send).toArray(CompletableFuture[]::new);
            try {
                CompletableFuture.allOf(acknowledgements).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge " + batch.size() + " events within "
                        + config.sendTimeout(), e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Kafka refused the batch: " + e.getCause().getMessage(), e);
            }
            repository.deletePublished(batch);
            published.increment(batch.size());
            return batch.size();
        });
    }

    private CompletableFuture<Void> send(OutboxMessage message) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        kafka.send(Message.of(message.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(message.topic)
                        .withKey(message.key)
                        .withHeaders(cloudEventHeaders(message))
                        .build())
                .withAck(() -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acknowledged.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return acknowledged;
    }

    private static RecordHeaders cloudEventHeaders(OutboxMessage message) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(headers, CloudEventHeaders.ID, message.eventId.toString());
        header(headers, CloudEventHeaders.SOURCE, message.eventSource);
        header(headers, CloudEventHeaders.TYPE, message.eventType);
        header(headers, CloudEventHeaders.SUBJECT, message.eventSubject);
        header(headers, CloudEventHeaders.TIME, message.eventTime.toString());
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return headers;
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
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
