package org.rota.platform.inbound;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolationException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.rota.platform.inbound.DeadLetters.DeadLetter;
import org.rota.platform.inbound.ProcessedMessages.EventKey;
import org.rota.platform.outbox.Outbox;
import org.rota.platform.problem.ProblemException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.faulttolerance.api.Guard;

/**
 * Applies a batch of inbound messages (one poll of a Kafka consumer) in order, with one outcome per message:
 * applied, already applied before (same source and id), or dead-lettered because it can never be applied, which
 * includes every message whose {@code ce_source} is not on {@code rota.inbound.allowed-sources}.
 * <p>
 * The batch is applied in transactions of up to {@code rota.inbound.transaction-size} messages, so commits are rare.
 * Each message's writes are flushed and the persistence context cleared before the next one: a constraint the
 * database refuses is thus blamed on its message, and a flush never dirty-checks the entities of the messages
 * before it (which made the cost per message grow with the transaction). The outbox events of a transaction are
 * written together at its end ({@link Outbox#holdUntilWritten()}). When one message is refused, the transaction is rolled back, the
 * messages before it are applied together again, the refused one is tried alone (and dead-lettered if it fails
 * again) and the rest goes on the same way, so the outcome is the one applying them one by one would give.
 * <p>
 * A transient failure (database or a dependency away, a lock or version race lost) dead-letters nothing: the
 * messages not applied yet are tried again with growing delays for as long as it lasts, holding back the
 * partitions, so nothing is skipped and order is kept. The caller acknowledges the batch only when this returns.
 */
@ApplicationScoped
public class InboundBatchApplier {

    private static final Logger LOG = Logger.getLogger(InboundBatchApplier.class);

    private final InboundEventReader reader;
    private final ProcessedMessages processed;
    private final EntityManager entityManager;
    private final Outbox outbox;
    private final MeterRegistry metrics;
    private final Counter retries;
    private final Guard untilTransientFailuresPass;
    private final int transactionSize;
    private final Set<String> allowedSources;
    private volatile boolean stopping;

    InboundBatchApplier(InboundEventReader reader, ProcessedMessages processed, EntityManager entityManager,
            Outbox outbox, InboundConfig config, MeterRegistry metrics) {
        this.outbox = outbox;
        this.reader = reader;
        this.processed = processed;
        this.entityManager = entityManager;
        this.metrics = metrics;
        this.transactionSize = config.transactionSize();
        this.allowedSources = config.allowedSources().orElse(Set.of());
        this.retries = Counter.builder("rota.inbound.retries")
                .description("Inbound batches tried again after a transient failure").register(metrics);
        this.untilTransientFailuresPass = Guard.create()
                .withDescription("inbound batch")
                .withRetry()
                    .maxRetries(-1)
                    .maxDuration(0, ChronoUnit.MILLIS)
                    .delay(config.retry().firstDelay().toMillis(), ChronoUnit.MILLIS)
                    .withExponentialBackoff()
                        .factor(2)
                        .maxDelay(config.retry().maxDelay().toMillis(), ChronoUnit.MILLIS)
                        .done()
                    // on shutdown the failure escapes: the batch stays unacknowledged and comes again after restart
                    .whenException(failure -> !stopping && TransientFailures.isTransient(failure))
                    .beforeRetry(this::willRetry)
                    .done()
                .build();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /** Returns once every record is applied, recognised as applied before, or dead-lettered. */
    public void apply(Iterable<ConsumerRecord<String, String>> records, InboundHandler handler, DeadLetters deadLetters) {
        List<Delivery> deliveries = read(records);
        try {
            untilTransientFailuresPass.call(() -> {
                List<Delivery> pending = deliveries.stream().filter(Delivery::pending).toList();
                for (int from = 0; from < pending.size(); from += transactionSize) {
                    applyInOrder(pending.subList(from, Math.min(pending.size(), from + transactionSize)), handler);
                }
                deadLetter(deliveries, deadLetters);
                return null;
            }, Void.class);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        count(deliveries);
    }

    private List<Delivery> read(Iterable<ConsumerRecord<String, String>> records) {
        List<Delivery> deliveries = new ArrayList<>();
        Set<EventKey> inThisBatch = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            Delivery delivery = new Delivery(record);
            deliveries.add(delivery);
            try {
                delivery.event = reader.read(record);
                requireAllowedSource(delivery.event);
                if (!inThisBatch.add(delivery.key())) {
                    delivery.outcome = Outcome.DUPLICATE;
                }
            } catch (RuntimeException e) {
                delivery.reject(e);
            }
        }
        return deliveries;
    }

    private void requireAllowedSource(InboundEvent event) {
        if (!allowedSources.contains(event.source())) {
            throw new InvalidMessageException("ce_source: '" + event.source()
                    + "' is not on this service's allow-list (rota.inbound.allowed-sources)");
        }
    }

    private void applyInOrder(List<Delivery> deliveries, InboundHandler handler) {
        if (deliveries.isEmpty()) {
            return;
        }
        Set<EventKey> firstDeliveries;
        try {
            firstDeliveries = QuarkusTransaction.requiringNew().call(() -> applyTogether(deliveries, handler));
        } catch (RuntimeException failure) {
            if (TransientFailures.isTransient(failure)) {
                throw failure;
            }
            FailedDelivery failed = causeOfType(failure, FailedDelivery.class);
            if (deliveries.size() == 1) {
                deliveries.get(0).reject(failed == null ? failure : failed.getCause());
            } else if (failed == null) {
                // refused at commit: which message caused it cannot be told, so each is tried alone
                deliveries.forEach(delivery -> applyInOrder(List.of(delivery), handler));
            } else {
                int refused = failed.index;
                applyInOrder(deliveries.subList(0, refused), handler);
                applyInOrder(deliveries.subList(refused, refused + 1), handler);
                applyInOrder(deliveries.subList(refused + 1, deliveries.size()), handler);
            }
            return;
        }
        for (Delivery delivery : deliveries) {
            delivery.outcome = firstDeliveries.contains(delivery.key()) ? Outcome.APPLIED : Outcome.DUPLICATE;
        }
    }

    /** Runs inside the transaction; a refused message is reported with its position. */
    private Set<EventKey> applyTogether(List<Delivery> deliveries, InboundHandler handler) {
        outbox.holdUntilWritten();
        Set<EventKey> firstDeliveries = processed.firstDeliveries(deliveries.stream().map(d -> d.event).toList());
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery delivery = deliveries.get(i);
            if (firstDeliveries.contains(delivery.key())) {
                try {
                    handler.apply(delivery.event);
                    entityManager.flush();
                    entityManager.clear();
                } catch (RuntimeException e) {
                    throw new FailedDelivery(i, e);
                }
            }
        }
        outbox.writeHeld();
        return firstDeliveries;
    }

    private static void deadLetter(List<Delivery> deliveries, DeadLetters deadLetters) {
        List<Delivery> refused = deliveries.stream().filter(d -> d.outcome == Outcome.REJECTED && !d.deadLettered)
                .toList();
        deadLetters.send(refused.stream().map(d -> new DeadLetter(d.record, d.reason, d.failureClass)).toList());
        refused.forEach(delivery -> delivery.deadLettered = true);
    }

    private void willRetry(Throwable failure) {
        retries.increment();
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        LOG.warnf("Inbound messages wait for a transient failure to pass and will be tried again: %s (%s)",
                failure.getMessage(), root.getMessage());
    }

    private void count(List<Delivery> deliveries) {
        for (Delivery delivery : deliveries) {
            metrics.counter("rota.inbound.messages", "topic", delivery.record.topic(),
                    "outcome", delivery.outcome.name().toLowerCase()).increment();
        }
    }

    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private enum Outcome {
        PENDING, APPLIED, DUPLICATE, REJECTED
    }

    /** One record of the batch and what became of it. */
    private static final class Delivery {

        final ConsumerRecord<String, String> record;
        InboundEvent event;
        Outcome outcome = Outcome.PENDING;
        String reason;
        String failureClass;
        boolean deadLettered;

        Delivery(ConsumerRecord<String, String> record) {
            this.record = record;
        }

        boolean pending() {
            return outcome == Outcome.PENDING;
        }

        EventKey key() {
            return EventKey.of(event);
        }

        void reject(Throwable failure) {
            outcome = Outcome.REJECTED;
            reason = InboundEventReader.reason(failure);
            failureClass = failure.getClass().getName();
            if (!(failure instanceof InvalidMessageException || failure instanceof ConstraintViolationException
                    || failure instanceof ProblemException)) {
                // not a verdict on the message by a rule: may be a defect, so keep the whole story
                LOG.errorf(failure, "Message at %s-%d@%d failed unexpectedly and is dead-lettered", record.topic(),
                        record.partition(), record.offset());
            }
        }
    }

    /** A message of the batch was refused; carries its position so the others can be applied without it. */
    private static final class FailedDelivery extends RuntimeException {

        final int index;

        FailedDelivery(int index, RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
            this.index = index;
        }
    }
}
