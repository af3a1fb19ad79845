package org.rota.credential.repository;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.rota.credential.domain.Clinician;
import org.rota.platform.web.Page;
import org.rota.platform.web.PageRequest;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ClinicianRepository implements PanacheRepositoryBase<Clinician, UUID> {

    public Optional<Clinician> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }

    /** Serialises credential changes of one clinician, so two requests cannot both grant an overlapping credential. */
    public Optional<Clinician> lockForCredentialChange(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Page<Clinician> search(String department, Boolean active, String externalId, PageRequest pageRequest) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (department != null) {
            where.append(" AND :department MEMBER OF departments");
            parameters.put("department", department);
        }
        if (active != null) {
            where.append(" AND active = :active");
            parameters.put("active", active);
        }
        if (externalId != null) {
            where.append(" AND externalId = :externalId");
            parameters.put("externalId", externalId);
        }
        PanacheQuery<Clinician> query = find(where.toString(), Sort.by("displayName").and("id"), parameters);
        long total = query.count();
        return Page.of(query.page(pageRequest.page(), pageRequest.size()).list(), pageRequest, total);
    }
}
