package org.rota.solver.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.rota.platform.inbound.InboundEvent;
import org.rota.platform.inbound.InboundEventReader;
import org.rota.platform.inbound.InvalidMessageException;
import org.rota.solver.outbox.SolverEvents;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies a batch of change events in one transaction and marks each window they touch dirty once, however many
 * events touched it: a burst of 10,000 events becomes a handful of solves.
 */
@ApplicationScoped
public class ChangeProjection {

    private final InboundEventReader reader;
    private final ReadModelProjector projector;
    private final SolverEvents events;
    private final MeterRegistry metrics;
    private final EntityManager em;

    ChangeProjection(InboundEventReader reader, ReadModelProjector projector, SolverEvents events,
            MeterRegistry metrics, EntityManager em) {
        this.em = em;
        this.reader = reader;
        this.projector = projector;
        this.events = events;
        this.metrics = metrics;
    }

    private static Optional<UUID> idOf(InboundEvent event) {
        try {
            return Optional.of(UUID.fromString(event.data().path("id").asText()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An event that can never be applied, with the reason. */
    public record Rejected(ConsumerRecord<String, String> record, String reason) {
    }

    /** Applies what it can and marks the touched windows dirty; returns the events it had to reject. */
    public List<Rejected> apply(List<ConsumerRecord<String, String>> records) {
        return apply(records, true);
    }

    public List<Rejected> apply(List<ConsumerRecord<String, String>> records, boolean markDirty) {
        List<Rejected> rejected = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            // Flush once at commit, not before every query: with a thousand managed rows, flushing before each
            // window look-up re-checks them all every time. An activity inserted in this batch marks its own window
            // dirty, so look-ups need not see it.
            em.setFlushMode(FlushModeType.COMMIT);
            Map<String, PlanningWindow> dirty = new TreeMap<>();
            List<InboundEvent> readable = new ArrayList<>();
            List<ConsumerRecord<String, String>> sources = new ArrayList<>();
            Map<String, Set<UUID>> ids = new HashMap<>();
            for (ConsumerRecord<String, String> record : records) {
                try {
                    InboundEvent event = reader.read(record);
                    readable.add(event);
                    sources.add(record);
                    idOf(event).ifPresent(id -> ids.computeIfAbsent(event.type(), type -> new HashSet<>()).add(id));
                } catch (InvalidMessageException e) {
                    rejected.add(new Rejected(record, e.getMessage()));
                }
            }
            projector.prefetch(ids);
            ReadModelProjector.Batch batch = new ReadModelProjector.Batch();
            for (int i = 0; i < readable.size(); i++) {
                try {
                    InboundEvent event = readable.get(i);
                    projector.apply(event.type(), event.data(), batch).forEach(window -> dirty.put(window.id(), window));
                } catch (InvalidMessageException e) {
                    rejected.add(new Rejected(sources.get(i), e.getMessage()));
                }
            }
            if (markDirty) {
                dirty.values().forEach(window -> events.windowDirty(window, "changes"));
            }
        });
        metrics.counter("rota.solver.events.consumed").increment(records.size());
        return rejected;
    }
}
