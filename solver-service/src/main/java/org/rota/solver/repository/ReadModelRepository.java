package org.rota.solver.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    public KnownActivity activity(UUID id) {
        return em.find(KnownActivity.class, id);
    }

    public KnownClinician clinician(UUID id) {
        return em.find(KnownClinician.class, id);
    }

    /** The departments with activities (of any status) overlapping [from, to). */
    public List<String> departmentsWithActivities(Instant from, Instant to) {
        return em.createQuery("SELECT DISTINCT a.department FROM KnownActivity a WHERE a.start < :to AND a.end > :from",
                String.class).setParameter("from", from).setParameter("to", to).getResultList();
    }

    public List<KnownActivity> scheduledActivities(String department, Instant from, Instant to) {
        return em.createQuery("SELECT a FROM KnownActivity a WHERE a.department = :department"
                + " AND a.status = 'SCHEDULED' AND a.start >= :from AND a.start < :to ORDER BY a.start, a.id",
                KnownActivity.class)
                .setParameter("department", department).setParameter("from", from).setParameter("to", to)
                .getResultList();
    }

    /** Department membership: one row per clinician and department, matched by equality. */
    static final String MEMBER_OF_DEPARTMENT =
            "SELECT m.id FROM KnownClinician m JOIN m.departments d WHERE d = :department";

    public List<KnownClinician> cliniciansOf(String department) {
        return em.createQuery("SELECT c FROM KnownClinician c WHERE c.id IN (" + MEMBER_OF_DEPARTMENT + ")"
                + " ORDER BY c.id", KnownClinician.class)
                .setParameter("department", department)
                .getResultList();
    }

    // The queries below select by department rather than by a list of clinician ids: a department can have more
    // clinicians than a statement can take parameters.

    public List<KnownCredential> credentialsOf(String department) {
        return em.createQuery("SELECT DISTINCT c FROM KnownCredential c LEFT JOIN FETCH c.statusHistory"
                + " WHERE c.clinicianId IN (" + MEMBER_OF_DEPARTMENT + ") ORDER BY c.id", KnownCredential.class)
                .setParameter("department", department).getResultList();
    }

    public List<KnownAbsence> absencesOf(String department, Instant from, Instant to) {
        return em.createQuery("SELECT a FROM KnownAbsence a WHERE a.clinicianId IN (" + MEMBER_OF_DEPARTMENT + ")"
                + " AND NOT a.removed AND a.from < :to AND a.until > :from ORDER BY a.id", KnownAbsence.class)
                .setParameter("department", department).setParameter("from", from)
                .setParameter("to", to).getResultList();
    }

    public List<KnownAbsence> absencesOf(UUID clinician, Instant from, Instant to) {
        return em.createQuery("SELECT a FROM KnownAbsence a WHERE a.clinicianId = :clinician AND NOT a.removed"
                + " AND a.from < :to AND a.until > :from ORDER BY a.id", KnownAbsence.class)
                .setParameter("clinician", clinician).setParameter("from", from).setParameter("to", to)
                .getResultList();
    }

    public List<KnownPreference> preferencesOf(String department, LocalDate from, LocalDate to) {
        return em.createQuery("SELECT p FROM KnownPreference p WHERE p.clinicianId IN (" + MEMBER_OF_DEPARTMENT + ")"
                + " AND NOT p.removed AND p.day >= :from AND p.day < :to ORDER BY p.id", KnownPreference.class)
                .setParameter("department", department).setParameter("from", from)
                .setParameter("to", to).getResultList();
    }

    // A window's size, counted in the database before anything is loaded: a window too large to solve is never loaded.

    /** Scheduled activities of [from, to) per procedure code; the null code (any clinician may serve) included. */
    public Map<String, Long> countScheduledActivitiesByProcedure(String department, Instant from, Instant to) {
        Map<String, Long> counts = new HashMap<>();
        em.createQuery("SELECT a.procedureCode, COUNT(a) FROM KnownActivity a WHERE a.department = :department"
                + " AND a.status = 'SCHEDULED' AND a.start >= :from AND a.start < :to GROUP BY a.procedureCode",
                Object[].class)
                .setParameter("department", department).setParameter("from", from).setParameter("to", to)
                .getResultList().forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    public long countClinicians(String department, boolean activeOnly) {
        return em.createQuery("SELECT COUNT(c) FROM KnownClinician c WHERE c.id IN (" + MEMBER_OF_DEPARTMENT + ")"
                + (activeOnly ? " AND c.active = true" : ""), Long.class)
                .setParameter("department", department).getSingleResult();
    }

    /** Active clinicians of the department holding an ACTIVE credential, per procedure code. */
    public Map<String, Long> countActiveHoldersByProcedure(String department, Collection<String> procedureCodes) {
        Map<String, Long> counts = new HashMap<>();
        if (procedureCodes.isEmpty()) {
            return counts;
        }
        em.createQuery("SELECT k.procedureCode, COUNT(DISTINCT k.clinicianId) FROM KnownCredential k"
                + " WHERE k.status = :status AND k.procedureCode IN :codes AND k.clinicianId IN ("
                + "SELECT c.id FROM KnownClinician c WHERE c.active = true AND c.id IN (" + MEMBER_OF_DEPARTMENT + "))"
                + " GROUP BY k.procedureCode", Object[].class)
                .setParameter("status", org.rota.events.CredentialStatus.ACTIVE).setParameter("codes", procedureCodes)
                .setParameter("department", department)
                .getResultList().forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }
}
