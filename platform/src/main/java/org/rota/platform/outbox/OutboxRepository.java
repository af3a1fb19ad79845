package org.rota.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxMessage, Long> {

    /** The oldest events waiting to be published, in commit order per key; parked ones are out of the way. */
    public List<OutboxMessage> oldestPending(int limit) {
        return find("parkedAt IS NULL", Sort.by("id")).page(0, limit).list();
    }

    public void deletePublished(List<OutboxMessage> published) {
        delete("id IN ?1", published.stream().map(message -> message.id).toList());
    }

    /** Keeps an event Kafka refuses for good, with the reason, and stops offering it to the relay. */
    public void park(OutboxMessage message, String reason, Instant at) {
        update("parkedAt = ?1, parkedReason = ?2 WHERE id = ?3", at, reason, message.id);
    }

    public long pending() {
        return count("parkedAt IS NULL");
    }

    public long parked() {
        return count("parkedAt IS NOT NULL");
    }

    /** How long the oldest waiting event has waited: the outbox lag. */
    public Duration oldestPendingAge() {
        Instant oldest = getEntityManager()
                .createQuery("SELECT MIN(m.eventTime) FROM OutboxMessage m WHERE m.parkedAt IS NULL", Instant.class)
                .getSingleResult();
        return oldest == null ? Duration.ZERO : Duration.between(oldest, Instant.now());
    }
}
