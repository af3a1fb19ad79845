package org.rota.credential.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.rota.credential.domain.Clinician;
import org.rota.credential.mapping.CredentialMapper;
import org.rota.credential.service.ClinicianService;
import org.rota.credential.service.CredentialService;
import org.rota.credential.service.ProcedureService;
import org.rota.events.ClinicianUpsert;
import org.rota.events.CredentialStatus;
import org.rota.events.CredentialUpsert;
import org.rota.events.EventTypes;
import org.rota.events.ProcedureUpsert;
import org.rota.platform.inbound.DeadLetters;
import org.rota.platform.inbound.InboundBatchApplier;
import org.rota.platform.inbound.InboundConfig;
import org.rota.platform.inbound.InboundEvent;
import org.rota.platform.inbound.InboundEventReader;
import org.rota.platform.inbound.InvalidMessageException;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Upserts from other hospital systems (HR, the credentialing office) on {@code rota.credentials.inbound.v1}, keyed by
 * externalId, read in batches and applied through the same services and validation as REST, once per event. A
 * message that can never be applied goes to {@code rota.credentials.inbound.v1.dlq} with the reason; one that meets
 * a transient failure waits and is tried again (see {@link InboundBatchApplier}).
 */
@ApplicationScoped
public class InboundCredentialsConsumer {

    private final InboundBatchApplier applier;
    private final InboundEventReader reader;
    private final DeadLetters deadLetters;
    private final ClinicianService clinicians;
    private final ProcedureService procedures;
    private final CredentialService credentials;

    InboundCredentialsConsumer(InboundBatchApplier applier, InboundEventReader reader, InboundConfig config,
            @Channel("credentials-inbound-dead-letters") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
                    bufferSize = 2048) MutinyEmitter<String> deadLetterChannel,
            ClinicianService clinicians, ProcedureService procedures, CredentialService credentials) {
        this.applier = applier;
        this.reader = reader;
        this.deadLetters = new DeadLetters(deadLetterChannel, config.deadLetterTimeout());
        this.clinicians = clinicians;
        this.procedures = procedures;
        this.credentials = credentials;
    }

    @Incoming("credentials-inbound")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        applier.apply(records, this::apply, deadLetters);
    }

    private void apply(InboundEvent event) {
        switch (event.type()) {
            case EventTypes.CLINICIAN_UPSERT ->
                    clinicians.upsert(CredentialMapper.toRequest(reader.data(event, ClinicianUpsert.class)));
            case EventTypes.PROCEDURE_UPSERT ->
                    procedures.upsert(CredentialMapper.toRequest(reader.data(event, ProcedureUpsert.class)));
            case EventTypes.CREDENTIAL_UPSERT -> upsert(reader.data(event, CredentialUpsert.class), "kafka:" + event.source());
            default -> throw new InvalidMessageException("Unknown event type '" + event.type() + "'");
        }
    }

    private void upsert(CredentialUpsert upsert, String actor) {
        if (upsert.externalId() == null || upsert.externalId().isBlank()) {
            throw new InvalidMessageException("A credential upsert needs an externalId");
        }
        if (upsert.clinicianExternalId() == null) {
            throw new InvalidMessageException("A credential upsert needs a clinicianExternalId");
        }
        Clinician holder = clinicians.findByExternalId(upsert.clinicianExternalId())
                .orElseThrow(() -> new InvalidMessageException("clinicianExternalId: no clinician has externalId '"
                        + upsert.clinicianExternalId() + "'"));
        credentials.upsert(CredentialMapper.toRequest(upsert, holder.id),
                upsert.status() == null ? CredentialStatus.ACTIVE : upsert.status(), upsert.statusEffectiveFrom(), actor);
    }
}
