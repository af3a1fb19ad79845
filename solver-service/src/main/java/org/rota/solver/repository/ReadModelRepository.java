package org.rota.solver.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.rota.solver.domain.KnownAbsence;
import org.rota.solver.domain.KnownActivity;
import org.rota.solver.domain.KnownClinician;
import org.rota.solver.domain.KnownCredential;
import org.rota.solver.domain.KnownPreference;

/** Queries over the read model; plain JPQL, since every table is small per planning window. */
@ApplicationScoped
public class ReadModelRepository {

    private final EntityManager em;

    ReadModelRepository(EntityManager em) {
        this.em = em;
    }

    /** Start times of scheduled activities of these departments in [from, until), optionally of one procedure. */
    public List<Object[]> scheduledActivityStarts(Collection<String> departments, String procedureCode, Instant from,
            Instant until) {
        if (departments.isEmpty()) {
            return List.of();
        }
        String query = "SELECT a.department, a.start FROM KnownActivity a WHERE a.status = 'SCHEDULED'"
                + " AND a.department IN :departments AND a.end > :from"
                + (until == null ? "" : " AND a.start < :until")
                + (procedureCode == null ? "" : " AND a.procedureCode = :procedureCode");
        var typed = em.createQuery(query, Object[].class)
                .setParameter("departments", departments)
                .setParameter("from", from);
        if (until != null) {
            typed.setParameter("until", until);
        }
        if (procedureCode != null) {
            typed.setParameter("procedureCode", procedureCode);
        }
        return typed.getResultList();
    }

    public List<KnownActivity> scheduledActivities(String department, Instant from, Instant to) {
        return em.createQuery("SELECT a FROM KnownActivity a WHERE a.department = :department"
                + " AND a.status = 'SCHEDULED' AND a.start >= :from AND a.start < :to ORDER BY a.start, a.id",
                KnownActivity.class)
                .setParameter("department", department).setParameter("from", from).setParameter("to", to)
                .getResultList();
    }

    /** Clinicians of a department: comma-separated codes, matched whole. */
    public List<KnownClinician> cliniciansOf(String department) {
        return em.createQuery("SELECT c FROM KnownClinician c WHERE CONCAT(',', c.departments, ',') LIKE :pattern"
                + " ORDER BY c.id", KnownClinician.class)
                .setParameter("pattern", "%," + department + ",%")
                .getResultList();
    }

    public List<KnownCredential> credentialsOf(Collection<UUID> clinicians) {
        return clinicians.isEmpty() ? List.of()
                : em.createQuery("SELECT c FROM KnownCredential c WHERE c.clinicianId IN :clinicians ORDER BY c.id",
                        KnownCredential.class).setParameter("clinicians", clinicians).getResultList();
    }

    public List<KnownAbsence> absencesOf(Collection<UUID> clinicians, Instant from, Instant to) {
        return clinicians.isEmpty() ? List.of()
                : em.createQuery("SELECT a FROM KnownAbsence a WHERE a.clinicianId IN :clinicians AND NOT a.removed"
                        + " AND a.from < :to AND a.until > :from ORDER BY a.id", KnownAbsence.class)
                        .setParameter("clinicians", clinicians).setParameter("from", from).setParameter("to", to)
                        .getResultList();
    }

    public List<KnownPreference> preferencesOf(Collection<UUID> clinicians, LocalDate from, LocalDate to) {
        return clinicians.isEmpty() ? List.of()
                : em.createQuery("SELECT p FROM KnownPreference p WHERE p.clinicianId IN :clinicians AND NOT p.removed"
                        + " AND p.day >= :from AND p.day < :to ORDER BY p.id", KnownPreference.class)
                        .setParameter("clinicians", clinicians).setParameter("from", from).setParameter("to", to)
                        .getResultList();
    }
}
