package org.rota.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.rota.events.CloudEventHeaders;

/** One outbox row handed to the producer, as a binary-mode CloudEvent, and what became of it. */
final class Delivery {

    /**
     * Failures that belong to the record itself, so that sending it again can never succeed. Anything else (the
     * broker away, a leader moving, an authorisation not granted yet) is retried, in order, until it goes through.
     */
    private static final Set<Class<? extends Exception>> REFUSED_FOR_GOOD = Set.of(RecordTooLargeException.class,
            RecordBatchTooLargeException.class, InvalidRecordException.class, InvalidTopicException.class,
            SerializationException.class);

    final OutboxMessage message;
    private final CompletableFuture<Void> acknowledged = new CompletableFuture<>();

    private Delivery(OutboxMessage message) {
        this.message = message;
    }

    static Delivery send(Producer<String, String> producer, OutboxMessage message) {
        Delivery delivery = new Delivery(message);
        try {
            producer.send(record(message), (metadata, failure) -> {
                if (failure == null) {
                    delivery.acknowledged.complete(null);
                } else {
                    delivery.acknowledged.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException failure) {
            delivery.acknowledged.completeExceptionally(failure);
        }
        return delivery;
    }

    Future<Void> acknowledgement() {
        return acknowledged;
    }

    boolean done() {
        return acknowledged.isDone();
    }

    boolean failed() {
        return acknowledged.isCompletedExceptionally();
    }

    Throwable failure() {
        return acknowledged.handle((ok, failure) -> failure).getNow(null);
    }

    /** The broker (or the producer on its behalf) refuses this record for good: it must not block the ones behind. */
    boolean refusedForGood() {
        Throwable failure = failure();
        return failure != null && REFUSED_FOR_GOOD.stream().anyMatch(kind -> kind.isInstance(failure));
    }

    private static ProducerRecord<String, String> record(OutboxMessage message) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(headers, CloudEventHeaders.ID, message.eventId.toString());
        header(headers, CloudEventHeaders.SOURCE, message.eventSource);
        header(headers, CloudEventHeaders.TYPE, message.eventType);
        header(headers, CloudEventHeaders.SUBJECT, message.eventSubject);
        header(headers, CloudEventHeaders.TIME, message.eventTime.toString());
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return new ProducerRecord<>(message.topic, null, message.key, message.payload, headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
