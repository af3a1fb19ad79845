package org.rota.activity.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.rota.activity.mapping.ActivityMapper;
import org.rota.activity.service.ActivityService;
import org.rota.events.ActivityUpsert;
import org.rota.events.EventTypes;
import org.rota.platform.inbound.DeadLetters;
import org.rota.platform.inbound.InboundBatchApplier;
import org.rota.platform.inbound.InboundConfig;
import org.rota.platform.inbound.InboundEvent;
import org.rota.platform.inbound.InboundEventReader;
import org.rota.platform.inbound.InvalidMessageException;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Activity upserts from hospital scheduling systems on {@code rota.activities.inbound.v1}, keyed by externalId,
 * read in batches and applied through the same service and validation as REST, once per event. A message that can
 * never be applied (invalid, or naming an unknown procedure) goes to {@code rota.activities.inbound.v1.dlq} with
 * the reason. While credential-service cannot confirm a procedure code (503) or the database is away, the batch
 * waits and is tried again, holding back its partitions so that order is kept (see {@link InboundBatchApplier}).
 */
@ApplicationScoped
public class InboundActivitiesConsumer {

    private final InboundBatchApplier applier;
    private final InboundEventReader reader;
    private final DeadLetters deadLetters;
    private final ActivityService activities;

    InboundActivitiesConsumer(InboundBatchApplier applier, InboundEventReader reader, InboundConfig config,
            @Channel("activities-inbound-dead-letters") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
                    bufferSize = 2048) MutinyEmitter<String> deadLetterChannel,
            ActivityService activities) {
        this.applier = applier;
        this.reader = reader;
        this.deadLetters = new DeadLetters(deadLetterChannel, config.deadLetterTimeout());
        this.activities = activities;
    }

    @Incoming("activities-inbound")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        applier.apply(records, this::apply, deadLetters);
    }

    private void apply(InboundEvent event) {
        if (!EventTypes.ACTIVITY_UPSERT.equals(event.type())) {
            throw new InvalidMessageException("Unknown event type '" + event.type() + "'");
        }
        activities.upsert(ActivityMapper.toRequest(reader.data(event, ActivityUpsert.class)));
    }
}
