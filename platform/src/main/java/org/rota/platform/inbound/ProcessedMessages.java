package org.rota.platform.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Remembers which inbound events were applied, in the same transaction as their effect, so a redelivered event
 * (CloudEvents identify an event by source and id) changes nothing.
 */
@ApplicationScoped
public class ProcessedMessages {

    private final EntityManager entityManager;

    ProcessedMessages(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records the event; false when it had been applied before. */
    @Transactional(TxType.MANDATORY)
    public boolean firstDelivery(InboundEvent event) {
        int inserted = entityManager.createNativeQuery("""
                INSERT INTO processed_message (event_id, event_source, topic, processed_at)
                VALUES (:id, :source, :topic, now())
                ON CONFLICT DO NOTHING""")
                .setParameter("id", event.id())
                .setParameter("source", event.source())
                .setParameter("topic", event.topic())
                .executeUpdate();
        return inserted == 1;
    }
}
