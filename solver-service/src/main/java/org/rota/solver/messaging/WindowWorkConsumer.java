package org.rota.solver.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.rota.solver.domain.SolveRun.Trigger;
import org.rota.solver.service.DirtyWindowQueue;
import org.rota.solver.domain.PlanningWindow;
import org.rota.solver.service.SolveRequests;
import org.rota.events.WindowDirty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * The solving consumer group ({@code rota-solver-workers}): each replica owns some partitions of
 * {@code rota.solver.work.v1}, so each window has exactly one solver at a time. A record is acknowledged only once a
 * solve that started after it has succeeded (a failed solve is retried by the queue): if this replica dies first, the
 * record is redelivered to the replica that takes the partition over, and no window is lost.
 */
@ApplicationScoped
public class WindowWorkConsumer {

    private static final Logger LOG = Logger.getLogger(WindowWorkConsumer.class);

    private final DirtyWindowQueue queue;
    private final ObjectMapper json;

    WindowWorkConsumer(DirtyWindowQueue queue, ObjectMapper json) {
        this.queue = queue;
        this.json = json;
    }

    @Incoming("solver-work")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> windowDirty(Message<String> message) {
        String key = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> String.valueOf(metadata.getKey())).orElse(null);
        PlanningWindow window;
        try {
            window = PlanningWindow.parse(key);
        } catch (IllegalArgumentException e) {
            LOG.warnf("Ignoring a work record that names no planning window: %s", key);
            return message.ack();
        }
        queue.request(window, trigger(message.getPayload())).thenRun(message::ack);
        // returning at once lets the next record in, so a burst for one window coalesces in the queue
        return CompletableFuture.completedFuture(null);
    }

    private Trigger trigger(String payload) {
        try {
            WindowDirty dirty = json.readValue(payload, WindowDirty.class);
            return SolveRequests.CAUSE.equals(dirty.cause()) ? Trigger.REQUEST : Trigger.CHANGE;
        } catch (Exception e) {
            return Trigger.CHANGE;
        }
    }
}
