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
            // a semi-join through the department index: MEMBER OF would probe every clinician's departments in turn
            where.append(" AND id IN (SELECT member.id FROM Clinician member JOIN member.departments department"
                    + " WHERE department = :department)");
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
