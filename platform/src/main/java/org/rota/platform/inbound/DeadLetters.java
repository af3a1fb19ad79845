package org.rota.platform.inbound;

import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_EXCEPTION_CLASS_NAME;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_OFFSET;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_PARTITION;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_REASON;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_TOPIC;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.rota.events.Topics;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Moves messages that can never be applied to {@code <topic>.dlq}: the record unchanged (key, value, headers) plus
 * the headers SmallRye's own dead-letter strategy writes ({@code dead-letter-reason}, {@code dead-letter-topic},
 * {@code dead-letter-partition}, {@code dead-letter-offset}). It returns only once the broker has acknowledged
 * every one, so the offsets behind them are committed only when nothing can be lost.
 */
public final class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final int MAX_REASON_LENGTH = 2_000;

    private final MutinyEmitter<String> emitter;
    private final Duration timeout;

    /** @param emitter a Kafka channel; the topic of each dead letter is set per record */
    public DeadLetters(MutinyEmitter<String> emitter, Duration timeout) {
        this.emitter = emitter;
        this.timeout = timeout;
    }

    /** A message refused for good, and why. */
    public record DeadLetter(ConsumerRecord<String, String> record, String reason, String failureClass) {
    }

    /** @throws DeadLetterException when the broker did not acknowledge them all in time (try again later) */
    public void send(List<DeadLetter> deadLetters) {
        if (deadLetters.isEmpty()) {
            return;
        }
        List<Uni<Void>> sends = deadLetters.stream().map(this::send).toList();
        try {
            Uni.join().all(sends).andCollectFailures().await().atMost(timeout);
        } catch (RuntimeException e) {
            throw new DeadLetterException(deadLetters.size() + " dead letter(s) were not acknowledged by the broker", e);
        }
    }

    private Uni<Void> send(DeadLetter deadLetter) {
        ConsumerRecord<String, String> record = deadLetter.record();
        String reason = deadLetter.reason().length() > MAX_REASON_LENGTH
                ? deadLetter.reason().substring(0, MAX_REASON_LENGTH) + "…"
                : deadLetter.reason();
        // the reason may quote the message's data (a name where a number belongs): it goes in the header, never in
        // the log, which says only what kind of failure it was
        LOG.warnf("Message at %s-%d@%d moved to the dead-letter topic (%s; reason in its dead-letter-reason header)",
                record.topic(), record.partition(), record.offset(), simpleName(deadLetter.failureClass()));
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        header(headers, DEAD_LETTER_REASON, reason);
        header(headers, DEAD_LETTER_EXCEPTION_CLASS_NAME, deadLetter.failureClass());
        header(headers, DEAD_LETTER_TOPIC, record.topic());
        header(headers, DEAD_LETTER_PARTITION, Integer.toString(record.partition()));
        header(headers, DEAD_LETTER_OFFSET, Long.toString(record.offset()));
        return emitter.sendMessage(Message.of(record.value() == null ? "" : record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(Topics.deadLetter(record.topic()))
                        .withKey(record.key())
                        .withHeaders(headers)
                        .build()));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
