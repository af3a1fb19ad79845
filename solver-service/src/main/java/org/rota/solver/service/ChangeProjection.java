package org.rota.solver.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

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

    ChangeProjection(InboundEventReader reader, ReadModelProjector projector, SolverEvents events,
            MeterRegistry metrics) {
        this.reader = reader;
        this.projector = projector;
        this.events = events;
        this.metrics = metrics;
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
            Map<String, PlanningWindow> dirty = new TreeMap<>();
            for (ConsumerRecord<String, String> record : records) {
                try {
                    InboundEvent event = reader.read(record);
                    Set<PlanningWindow> windows = projector.apply(event.type(), event.data());
                    windows.forEach(window -> dirty.put(window.id(), window));
                } catch (InvalidMessageException e) {
                    rejected.add(new Rejected(record, e.getMessage()));
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
