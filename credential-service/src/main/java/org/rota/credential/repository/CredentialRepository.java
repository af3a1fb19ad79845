package org.rota.credential.repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.rota.credential.domain.Credential;
import org.rota.events.CredentialLevel;
import org.rota.events.CredentialStatus;
import org.rota.platform.web.Page;
import org.rota.platform.web.PageRequest;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CredentialRepository implements PanacheRepositoryBase<Credential, UUID> {

    /**
     * What a user can filter credentials by; null fields do not filter. {@code expiringFrom}..{@code expiringBy}:
     * ACTIVE credentials whose last valid day lies in that range (both given or neither).
     */
    public record Filter(UUID clinicianId, String procedureCode, LocalDate validOn, LocalDate expiringFrom,
            LocalDate expiringBy, CredentialStatus status, CredentialLevel level) {
    }

    public Optional<Credential> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }

    public List<Credential> activeFor(UUID clinicianId, String procedureCode) {
        return list("clinicianId = ?1 AND procedureCode = ?2 AND status = ?3",
                clinicianId, procedureCode, CredentialStatus.ACTIVE);
    }

    public Page<Credential> search(Filter filter, PageRequest pageRequest) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.clinicianId() != null) {
            where.append(" AND clinicianId = :clinicianId");
            parameters.put("clinicianId", filter.clinicianId());
        }
        if (filter.procedureCode() != null) {
            where.append(" AND procedureCode = :procedureCode");
            parameters.put("procedureCode", filter.procedureCode());
        }
        if (filter.validOn() != null) {
            where.append(" AND status = :active AND validFrom <= :validOn AND (validUntil IS NULL OR validUntil >= :validOn)");
            parameters.put("active", CredentialStatus.ACTIVE);
            parameters.put("validOn", filter.validOn());
        }
        if (filter.expiringBy() != null) {
            where.append(" AND status = :active AND validUntil >= :expiringFrom AND validUntil <= :expiringBy");
            parameters.put("active", CredentialStatus.ACTIVE);
            parameters.put("expiringFrom", filter.expiringFrom());
            parameters.put("expiringBy", filter.expiringBy());
        }
        if (filter.status() != null) {
            where.append(" AND status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.level() != null) {
            where.append(" AND level = :level");
            parameters.put("level", filter.level());
        }
        PanacheQuery<Credential> query = find(where.toString(),
                Sort.by("procedureCode").and("validFrom").and("id"), parameters);
        long total = query.count();
        return Page.of(query.page(pageRequest.page(), pageRequest.size()).list(), pageRequest, total);
    }
}
