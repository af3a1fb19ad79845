package org.rota.platform.outbox;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records an event in the caller's transaction. It reaches Kafka only if that transaction commits, and then
 * surely: the {@link OutboxRelay} publishes it even if the broker was down or the service restarted meanwhile.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_message (topic, message_key, event_id, event_type, event_source, event_subject,
                                        event_time, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final OutboxRepository repository;
    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final ObjectMapper json;
    private final Event<OutboxAppended> appended;
    private final String source;

    Outbox(OutboxRepository repository, EntityManager entityManager, TransactionSynchronizationRegistry transactions,
            ObjectMapper json, Event<OutboxAppended> appended,
            @ConfigProperty(name = "rota.events.source") String source) {
        this.repository = repository;
        this.entityManager = entityManager;
        this.transactions = transactions;
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
        HeldMessages held = (HeldMessages) transactions.getResource(HeldMessages.class);
        if (held == null) {
            repository.persist(message);
        } else {
            held.messages.add(message);
        }
        appended.fire(new OutboxAppended(key));
    }

    /**
     * Until {@link #writeHeld()}, the events this transaction appends are kept in memory and then written in one
     * batch, in the order they were appended: a bulk of changes in one transaction (the inbound batches) then costs
     * one round trip to the database instead of one per event. The transaction cannot commit with events still held.
     */
    @Transactional(TxType.MANDATORY)
    public void holdUntilWritten() {
        if (transactions.getResource(HeldMessages.class) == null) {
            HeldMessages held = new HeldMessages();
            transactions.putResource(HeldMessages.class, held);
            transactions.registerInterposedSynchronization(held);
        }
    }

    /** Writes the events held back since {@link #holdUntilWritten()}; ids follow the order they were appended. */
    @Transactional(TxType.MANDATORY)
    public void writeHeld() {
        HeldMessages held = (HeldMessages) transactions.getResource(HeldMessages.class);
        if (held == null || held.messages.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (OutboxMessage message : held.messages) {
                    insert.setString(1, message.topic);
                    insert.setString(2, message.key);
                    insert.setObject(3, message.eventId);
                    insert.setString(4, message.eventType);
                    insert.setString(5, message.eventSource);
                    insert.setString(6, message.eventSubject);
                    insert.setTimestamp(7, Timestamp.from(message.eventTime));
                    insert.setString(8, message.payload);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        held.messages.clear();
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data is not serialisable: " + data.getClass().getName(), e);
        }
    }

    /** The events of one transaction waiting for {@link #writeHeld()}; refuses a commit that would lose them. */
    private static final class HeldMessages implements Synchronization {

        final List<OutboxMessage> messages = new ArrayList<>();

        @Override
        public void beforeCompletion() {
            if (!messages.isEmpty()) {
                throw new IllegalStateException(messages.size() + " outbox events were held and never written; "
                        + "the transaction is rolled back so that its changes are not committed without them");
            }
        }

        @Override
        public void afterCompletion(int status) {
        }
    }

    /**
     * Fired inside the writing transaction for the entity with this event key; observed after commit to wake the
     * relay at once and to drop cached representations.
     */
    public record OutboxAppended(String key) {
    }
}
