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
}
