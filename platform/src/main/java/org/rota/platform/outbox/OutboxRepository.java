package org.rota.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxMessage, Long> {

    /** Arbitrary constant naming the one advisory lock that makes a single replica the relay at any time. */
    private static final long RELAY_LOCK = 0x526f74614f7574L;

    /**
     * Only one relay may publish at a time: two replicas interleaving sends could put an older state of an entity
     * after a newer one on the compacted topic. The lock ends with the transaction.
     */
    public boolean tryRelayLock() {
        return (Boolean) getEntityManager()
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", RELAY_LOCK)
                .getSingleResult();
    }

    public List<OutboxMessage> oldestPending(int limit) {
        return find("ORDER BY id").page(0, limit).list();
    }

    public void deletePublished(List<OutboxMessage> published) {
        delete("id IN ?1", published.stream().map(message -> message.id).toList());
    }

    public long pending() {
        return count();
    }

    /** How long the oldest waiting event has waited: the outbox lag. */
    public Duration oldestPendingAge() {
        Instant oldest = getEntityManager()
                .createQuery("SELECT MIN(m.eventTime) FROM OutboxMessage m", Instant.class)
                .getSingleResult();
        return oldest == null ? Duration.ZERO : Duration.between(oldest, Instant.now());
    }
}
