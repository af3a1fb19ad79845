package org.rota.credential.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.rota.credential.domain.Procedure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ProcedureRepository implements PanacheRepositoryBase<Procedure, UUID> {

    public Optional<Procedure> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public List<Procedure> list(Boolean active) {
        return active == null ? listAll(Sort.by("code")) : list("active", Sort.by("code"), active);
    }
}
