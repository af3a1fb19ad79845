package org.rota.activity.repository;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.rota.activity.domain.Absence;
import org.rota.platform.web.Page;
import org.rota.platform.web.PageRequest;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AbsenceRepository implements PanacheRepositoryBase<Absence, UUID> {

    /** A live (not withdrawn) absence. */
    public Optional<Absence> findLive(UUID id) {
        return findByIdOptional(id).filter(absence -> !absence.deleted);
    }

    /** Live absences of a clinician (or everyone) overlapping [from, to). */
    public Page<Absence> search(UUID clinicianId, Instant from, Instant to, PageRequest pageRequest) {
        StringBuilder where = new StringBuilder("deleted = false");
        Map<String, Object> parameters = new HashMap<>();
        if (clinicianId != null) {
            where.append(" AND clinicianId = :clinicianId");
            parameters.put("clinicianId", clinicianId);
        }
        if (from != null) {
            where.append(" AND endsAt > :from");
            parameters.put("from", from);
        }
        if (to != null) {
            where.append(" AND startsAt < :to");
            parameters.put("to", to);
        }
        PanacheQuery<Absence> query = find(where.toString(), Sort.by("startsAt").and("id"), parameters);
        long total = query.count();
        return Page.of(query.page(pageRequest.page(), pageRequest.size()).list(), pageRequest, total);
    }
}
