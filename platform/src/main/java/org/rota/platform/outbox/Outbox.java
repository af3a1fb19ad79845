package org.rota.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records an event in the caller's transaction. It reaches Kafka only if that transaction commits, and then
 * surely: the {@link OutboxRelay} publishes it even if the broker was down or the service restarted meanwhile.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;
    private final ObjectMapper json;
    private final Event<OutboxAppended> appended;
    private final String source;

    Outbox(OutboxRepository repository, ObjectMapper json, Event<OutboxAppended> appended,
            @ConfigProperty(name = "rota.events.source") String source) {
        this.repository = repository;
        this.json = json;
        this.appended = appended;
        this.source = source;
    }

    /**
     * @param key Kafka record key, {@code <type>/<id>}, so every change of one entity lands on one partition in order
     * @param subject the entity's id ({@code ce_subject})
     */
    @Transactional(TxType.MANDATORY)
    public void append(String topic, String type, String key, String subject, Object data) {
        OutboxMessage message = new OutboxMessage();
        message.topic = topic;
        message.key = key;
        message.eventId = UUID.randomUUID();
        message.eventType = type;
        message.eventSource = source;
        message.eventSubject = subject;
        message.eventTime = Instant.now();
        message.payload = toJson(data);
        repository.persist(message);
        appended.fire(new OutboxAppended(key));
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data is not serialisable: " + data.getClass().getName(), e);
        }
    }

    /**
     * Fired inside the writing transaction for the entity with this event key; observed after commit to wake the
     * relay at once and to drop cached representations.
     */
    public record OutboxAppended(String key) {
    }
}
