package org.rota.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One event waiting to be published (or parked): a CloudEvent's attributes and its JSON data. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String topic;

    @Column(name = "message_key", nullable = false)
    public String key;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "event_source", nullable = false)
    public String eventSource;

    @Column(name = "event_subject", nullable = false)
    public String eventSubject;

    @Column(name = "event_time", nullable = false)
    public Instant eventTime;

    @Column(nullable = false)
    public String payload;

    /** Set when Kafka refused the event for good (too large, invalid): the relay no longer offers it. */
    @Column(name = "parked_at")
    public Instant parkedAt;

    @Column(name = "parked_reason", length = 2000)
    public String parkedReason;
}
