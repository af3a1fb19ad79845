package org.rota.credential.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.rota.credential.domain.Clinician;
import org.rota.credential.domain.Credential;
import org.rota.credential.domain.Procedure;
import org.rota.credential.mapping.CredentialMapper;
import org.rota.events.CredentialExpired;
import org.rota.events.CredentialExpiring;
import org.rota.events.EventTypes;
import org.rota.events.Topics;
import org.rota.platform.outbox.Outbox;

/**
 * Announces every committed change on {@code rota.credentials.v1}, with the entity's full new state, and expiry
 * warnings on {@code rota.credentials.alerts.v1} (key = the credential's id).
 */
@ApplicationScoped
public class CredentialEvents {

    private final Outbox outbox;

    CredentialEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void clinicianChanged(Clinician clinician) {
        outbox.append(Topics.CREDENTIALS, EventTypes.CLINICIAN, EventTypes.key("clinician", clinician.id),
                clinician.id.toString(), CredentialMapper.toEvent(clinician));
    }

    public void procedureChanged(Procedure procedure) {
        outbox.append(Topics.CREDENTIALS, EventTypes.PROCEDURE, EventTypes.key("procedure", procedure.id),
                procedure.id.toString(), CredentialMapper.toEvent(procedure));
    }

    public void credentialChanged(Credential credential) {
        outbox.append(Topics.CREDENTIALS, EventTypes.CREDENTIAL, EventTypes.key("credential", credential.id),
                credential.id.toString(), CredentialMapper.toEvent(credential));
    }

    public void credentialExpiring(CredentialExpiring alert) {
        outbox.append(Topics.CREDENTIAL_ALERTS, EventTypes.CREDENTIAL_EXPIRING, alert.credentialId().toString(),
                alert.credentialId().toString(), alert);
    }

    public void credentialExpired(CredentialExpired alert) {
        outbox.append(Topics.CREDENTIAL_ALERTS, EventTypes.CREDENTIAL_EXPIRED, alert.credentialId().toString(),
                alert.credentialId().toString(), alert);
    }
}
