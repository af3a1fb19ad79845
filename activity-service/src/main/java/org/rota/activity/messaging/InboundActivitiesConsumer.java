package org.rota.activity.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.rota.activity.config.ActivityConfig;
import org.rota.activity.mapping.ActivityMapper;
import org.rota.activity.service.ActivityService;
import org.rota.events.ActivityUpsert;
import org.rota.events.EventTypes;
import org.rota.platform.inbound.InboundEvent;
import org.rota.platform.inbound.InboundEventReader;
import org.rota.platform.inbound.InvalidMessageException;
import org.rota.platform.inbound.ProcessedMessages;
import org.rota.platform.problem.ProblemException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Activity upserts from hospital scheduling systems on {@code rota.activities.inbound.v1}, keyed by externalId and
 * applied through the same service and validation as REST. Each event is applied once; a message that cannot be
 * applied throws, and the connector moves it to the dead-letter topic with the reason. While credential-service
 * cannot confirm a procedure code the upsert is retried for a while (holding back its partition, so order is kept)
 * rather than dead-lettered at once.
 */
@ApplicationScoped
public class InboundActivitiesConsumer {

    private static final Logger LOG = Logger.getLogger(InboundActivitiesConsumer.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final InboundEventReader reader;
    private final ProcessedMessages processed;
    private final ActivityService activities;
    private final ActivityConfig config;

    InboundActivitiesConsumer(InboundEventReader reader, ProcessedMessages processed, ActivityService activities,
            ActivityConfig config) {
        this.reader = reader;
        this.processed = processed;
        this.activities = activities;
        this.config = config;
    }

    @Incoming("activities-inbound")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        try {
            InboundEvent event = reader.read(record);
            if (!EventTypes.ACTIVITY_UPSERT.equals(event.type())) {
                throw new InvalidMessageException("Unknown event type '" + event.type() + "'");
            }
            ActivityUpsert upsert = reader.data(event, ActivityUpsert.class);
            applyWhileUnavailableRetrying(event, upsert);
        } catch (RuntimeException e) {
            throw new InvalidMessageException(InboundEventReader.reason(e), e);
        }
    }

    private void applyWhileUnavailableRetrying(InboundEvent event, ActivityUpsert upsert) {
        long deadline = System.nanoTime() + config.inbound().unavailableRetryFor().toNanos();
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> apply(event, upsert));
                return;
            } catch (ProblemException e) {
                if (e.status() != 503 || System.nanoTime() + backoff.toNanos() > deadline) {
                    throw e;
                }
                LOG.warnf("Upsert %s waits for credential-service: %s", event.id(), e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void apply(InboundEvent event, ActivityUpsert upsert) {
        if (!processed.firstDelivery(event)) {
            LOG.debugf("Event %s from %s was applied before; ignored", event.id(), event.source());
            return;
        }
        activities.upsert(ActivityMapper.toRequest(upsert));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for credential-service", e);
        }
    }
}
