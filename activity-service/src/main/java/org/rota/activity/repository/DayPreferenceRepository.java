package org.rota.activity.repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.rota.activity.domain.DayPreference;
import org.rota.platform.web.Page;
import org.rota.platform.web.PageRequest;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class DayPreferenceRepository implements PanacheRepositoryBase<DayPreference, UUID> {

    public Optional<DayPreference> findLive(UUID id) {
        return findByIdOptional(id).filter(preference -> !preference.deleted);
    }

    public Optional<DayPreference> findLive(UUID clinicianId, LocalDate date) {
        return find("clinicianId = ?1 AND onDate = ?2 AND deleted = false", clinicianId, date).firstResultOptional();
    }

    /** Live preferences of a clinician (or everyone) on days from {@code from} to {@code to}, both inclusive. */
    public Page<DayPreference> search(UUID clinicianId, LocalDate from, LocalDate to, PageRequest pageRequest) {
        StringBuilder where = new StringBuilder("deleted = false");
        Map<String, Object> parameters = new HashMap<>();
        if (clinicianId != null) {
            where.append(" AND clinicianId = :clinicianId");
            parameters.put("clinicianId", clinicianId);
        }
        if (from != null) {
            where.append(" AND onDate >= :from");
            parameters.put("from", from);
        }
        if (to != null) {
            where.append(" AND onDate <= :to");
            parameters.put("to", to);
        }
        PanacheQuery<DayPreference> query = find(where.toString(), Sort.by("onDate").and("id"), parameters);
        long total = query.count();
        return Page.of(query.page(pageRequest.page(), pageRequest.size()).list(), pageRequest, total);
    }
}
