package org.rota.credential.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.rota.credential.domain.Clinician;
import org.rota.credential.domain.Credential;
import org.rota.credential.mapping.CredentialMapper;
import org.rota.credential.service.ClinicianService;
import org.rota.credential.service.CredentialRequest;
import org.rota.credential.service.CredentialService;
import org.rota.credential.service.ProcedureService;
import org.rota.credential.service.StatusChangeRequest;
import org.rota.events.ClinicianUpsert;
import org.rota.events.CredentialStatus;
import org.rota.events.CredentialUpsert;
import org.rota.events.EventTypes;
import org.rota.events.ProcedureUpsert;
import org.rota.platform.inbound.InboundEvent;
import org.rota.platform.inbound.InboundEventReader;
import org.rota.platform.inbound.InvalidMessageException;
import org.rota.platform.inbound.ProcessedMessages;
import org.rota.platform.web.ExpectedVersion;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Upserts from other hospital systems (HR, the credentialing office) on {@code rota.credentials.inbound.v1}, keyed by
 * externalId and applied through the same services and validation as REST. Each event is applied once; a message that
 * cannot be applied throws, and the connector moves it to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class InboundCredentialsConsumer {

    private static final Logger LOG = Logger.getLogger(InboundCredentialsConsumer.class);

    private final InboundEventReader reader;
    private final ProcessedMessages processed;
    private final ClinicianService clinicians;
    private final ProcedureService procedures;
    private final CredentialService credentials;

    InboundCredentialsConsumer(InboundEventReader reader, ProcessedMessages processed, ClinicianService clinicians,
            ProcedureService procedures, CredentialService credentials) {
        this.reader = reader;
        this.processed = processed;
        this.clinicians = clinicians;
        this.procedures = procedures;
        this.credentials = credentials;
    }

    @Incoming("credentials-inbound")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        try {
            InboundEvent event = reader.read(record);
            if (!processed.firstDelivery(event)) {
                LOG.debugf("Event %s from %s was applied before; ignored", event.id(), event.source());
                return;
            }
            String actor = "kafka:" + event.source();
            switch (event.type()) {
                case EventTypes.CLINICIAN_UPSERT -> upsert(reader.data(event, ClinicianUpsert.class));
                case EventTypes.PROCEDURE_UPSERT -> upsert(reader.data(event, ProcedureUpsert.class));
                case EventTypes.CREDENTIAL_UPSERT -> upsert(reader.data(event, CredentialUpsert.class), actor);
                default -> throw new InvalidMessageException("Unknown event type '" + event.type() + "'");
            }
        } catch (RuntimeException e) {
            throw new InvalidMessageException(InboundEventReader.reason(e), e);
        }
    }

    private void upsert(ClinicianUpsert upsert) {
        var request = CredentialMapper.toRequest(upsert);
        clinicians.findByExternalId(upsert.externalId()).ifPresentOrElse(
                existing -> clinicians.update(existing.id, request, ExpectedVersion.ANY),
                () -> clinicians.create(request));
    }

    private void upsert(ProcedureUpsert upsert) {
        var request = CredentialMapper.toRequest(upsert);
        procedures.find(upsert.code()).ifPresentOrElse(
                existing -> procedures.update(existing.code, request, ExpectedVersion.ANY),
                () -> procedures.create(request));
    }

    private void upsert(CredentialUpsert upsert, String actor) {
        if (upsert.externalId() == null || upsert.externalId().isBlank()) {
            throw new InvalidMessageException("A credential upsert needs an externalId");
        }
        Clinician holder = clinicians.findByExternalId(upsert.clinicianExternalId())
                .orElseThrow(() -> new InvalidMessageException("No clinician has externalId '"
                        + upsert.clinicianExternalId() + "'"));
        Credential credential = credentials.findByExternalId(upsert.externalId())
                .map(existing -> updated(existing, holder, upsert, actor))
                .orElseGet(() -> credentials.grant(new CredentialRequest(upsert.externalId(), holder.id,
                        upsert.procedureCode(), upsert.level(), upsert.validFrom(), upsert.validUntil(),
                        upsert.maxPerWeek()), actor));
        moveToStatus(credential, upsert.status() == null ? CredentialStatus.ACTIVE : upsert.status(), actor);
    }

    private Credential updated(Credential existing, Clinician holder, CredentialUpsert upsert, String actor) {
        if (!existing.clinicianId.equals(holder.id) || !existing.procedureCode.equals(upsert.procedureCode())) {
            throw new InvalidMessageException("Credential " + upsert.externalId()
                    + " belongs to another clinician or procedure; holder and procedure never change");
        }
        if (existing.status == CredentialStatus.REVOKED) {
            return existing;
        }
        return credentials.update(existing.id, CredentialMapper.toUpdate(upsert), ExpectedVersion.ANY, actor);
    }

    private void moveToStatus(Credential credential, CredentialStatus target, String actor) {
        if (credential.status == target) {
            return;
        }
        StatusChangeRequest change = new StatusChangeRequest("set by " + actor, null);
        switch (target) {
            case REVOKED -> credentials.revoke(credential.id, change, ExpectedVersion.ANY, actor);
            case SUSPENDED -> credentials.suspend(credential.id, change, ExpectedVersion.ANY, actor);
            case ACTIVE -> credentials.reinstate(credential.id, change, ExpectedVersion.ANY, actor);
        }
    }
}
