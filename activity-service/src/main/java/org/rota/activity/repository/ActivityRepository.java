package org.rota.activity.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.rota.activity.domain.Activity;
import org.rota.events.ActivityStatus;
import org.rota.platform.web.Page;
import org.rota.platform.web.PageRequest;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ActivityRepository implements PanacheRepositoryBase<Activity, UUID> {

    /** What a user can filter activities by; null fields do not filter. {@code from}/{@code to}: overlap. */
    public record Filter(Instant from, Instant to, String location, String procedureCode, ActivityStatus status,
            String department, String externalId) {
    }

    public Optional<Activity> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }

    public List<Activity> findByExternalIds(Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return List.of();
        }
        return list("externalId IN ?1", externalIds);
    }

    public Page<Activity> search(Filter filter, PageRequest pageRequest) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.from() != null) {
            where.append(" AND endsAt > :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND startsAt < :to");
            parameters.put("to", filter.to());
        }
        if (filter.location() != null) {
            where.append(" AND location = :location");
            parameters.put("location", filter.location());
        }
        if (filter.procedureCode() != null) {
            where.append(" AND procedureCode = :procedureCode");
            parameters.put("procedureCode", filter.procedureCode());
        }
        if (filter.status() != null) {
            where.append(" AND status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.department() != null) {
            where.append(" AND department = :department");
            parameters.put("department", filter.department());
        }
        if (filter.externalId() != null) {
            where.append(" AND externalId = :externalId");
            parameters.put("externalId", filter.externalId());
        }
        PanacheQuery<Activity> query = find(where.toString(), Sort.by("startsAt").and("id"), parameters);
        long total = query.count();
        return Page.of(query.page(pageRequest.page(), pageRequest.size()).list(), pageRequest, total);
    }
}
