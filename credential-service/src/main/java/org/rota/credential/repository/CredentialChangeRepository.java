package org.rota.credential.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.rota.credential.domain.CredentialChange;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CredentialChangeRepository implements PanacheRepositoryBase<CredentialChange, Long> {

    public List<CredentialChange> history(UUID credentialId) {
        return list("credentialId", Sort.by("id"), credentialId);
    }

    /**
     * Forgets the free-text reasons of the history of a clinician's credentials (they may name the person or say
     * why they were suspended); what happened, when, by whom and the state after are kept. Returns how many.
     */
    public int forgetReasonsOfClinician(UUID clinicianId) {
        return getEntityManager().createQuery("""
                UPDATE CredentialChange c SET c.reason = NULL WHERE c.reason IS NOT NULL AND c.credentialId IN (
                    SELECT k.id FROM Credential k WHERE k.clinicianId = :clinician)""")
                .setParameter("clinician", clinicianId)
                .executeUpdate();
    }
}
