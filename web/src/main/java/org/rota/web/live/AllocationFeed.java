package org.rota.web.live;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rota.events.AllocationEvent;
import org.rota.events.AllocationEvent.Change;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Every allocation published on {@code rota.allocations.v1}, as this replica reads it: each replica consumes in a
 * consumer group of its own (see application.properties), so that every browser connected to any replica hears of
 * every window.
 */
@ApplicationScoped
public class AllocationFeed {

    private static final Logger LOG = Logger.getLogger(AllocationFeed.class);

    /** A window's new allocation version and the activities whose staffing it changed. */
    public record Published(String windowId, String department, long version, Set<UUID> changedActivities) {
    }

    private final BroadcastProcessor<Published> published = BroadcastProcessor.create();
    private final AllocationHistory history;

    AllocationFeed(AllocationHistory history) {
        this.history = history;
    }

    @Incoming("allocations")
    void onAllocation(AllocationEvent event) {
        if (event == null || event.windowId() == null) {
            // not readable as an allocation (the deserializer gave up): nothing to show, the next one will do
            LOG.warn("Skipped an unreadable record on rota.allocations.v1");
            return;
        }
        history.record(event);
        Set<UUID> changed = new LinkedHashSet<>();
        if (event.diff() != null) {
            if (event.diff().added() != null) {
                event.diff().added().stream().map(Change::activityId).forEach(changed::add);
            }
            if (event.diff().removed() != null) {
                event.diff().removed().stream().map(Change::activityId).forEach(changed::add);
            }
        }
        published.onNext(new Published(event.windowId(), event.department(), event.version(), changed));
    }

    /** Allocations published from now on. */
    public Multi<Published> stream() {
        return published;
    }
}
