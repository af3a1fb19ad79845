package org.rota.platform.inbound;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Session;

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

    /** The identity of an event: CloudEvents ids are unique per source. */
    public record EventKey(String source, String id) {

        static EventKey of(InboundEvent event) {
            return new EventKey(event.source(), event.id());
        }
    }

    /**
     * Records the events in one statement and returns those applied for the first time; the others were applied
     * before and must change nothing.
     */
    @Transactional(TxType.MANDATORY)
    public Set<EventKey> firstDeliveries(List<InboundEvent> events) {
        if (events.isEmpty()) {
            return Set.of();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Array sources = connection.createArrayOf("varchar", events.stream().map(InboundEvent::source).toArray());
            Array ids = connection.createArrayOf("varchar", events.stream().map(InboundEvent::id).toArray());
            Array topics = connection.createArrayOf("varchar", events.stream().map(InboundEvent::topic).toArray());
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO processed_message (event_source, event_id, topic, processed_at)
                    SELECT source, id, topic, now() FROM unnest(?, ?, ?) AS delivered (source, id, topic)
                    ON CONFLICT DO NOTHING
                    RETURNING event_source, event_id""")) {
                insert.setArray(1, sources);
                insert.setArray(2, ids);
                insert.setArray(3, topics);
                Set<EventKey> first = new HashSet<>();
                try (ResultSet inserted = insert.executeQuery()) {
                    while (inserted.next()) {
                        first.add(new EventKey(inserted.getString(1), inserted.getString(2)));
                    }
                }
                return first;
            }
        });
    }

    /** Forgets up to {@code limit} events applied before {@code before}; returns how many. */
    @Transactional(TxType.REQUIRES_NEW)
    public int forgetAppliedBefore(Instant before, int limit) {
        return entityManager.createNativeQuery("""
                DELETE FROM processed_message WHERE ctid = ANY (ARRAY(
                    SELECT ctid FROM processed_message WHERE processed_at < :before LIMIT :limit
                    FOR UPDATE SKIP LOCKED))""")
                .setParameter("before", Timestamp.from(before))
                .setParameter("limit", limit)
                .executeUpdate();
    }
}
