package org.rota.solver.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rota.solver.service.ChangeProjection;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * The projection consumers (group {@code rota-solver-projection}): the change topics of credential-service and
 * activity-service, in batches, into solver-service's read model. A record that cannot be applied goes to the
 * dead-letter topic with its reason; a batch that fails for want of the database is tried again until it is applied.
 */
@ApplicationScoped
public class ChangeConsumers {

    private final ChangeProjection projection;
    private final DeadLetters deadLetters;
    private final ProjectionRetry retry;

    ChangeConsumers(ChangeProjection projection, DeadLetters deadLetters, ProjectionRetry retry) {
        this.projection = projection;
        this.deadLetters = deadLetters;
        this.retry = retry;
    }

    @Incoming("credential-changes")
    @Blocking
    public void credentialChanges(ConsumerRecords<String, String> records) {
        apply(records);
    }

    @Incoming("activity-changes")
    @Blocking
    public void activityChanges(ConsumerRecords<String, String> records) {
        apply(records);
    }

    private void apply(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        retry.untilApplied(() -> projection.apply(batch))
                .forEach(rejected -> deadLetters.send(rejected.record(), rejected.reason()));
    }
}
