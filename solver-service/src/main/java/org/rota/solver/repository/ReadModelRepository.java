package org.rota.solver.repository;

import java.time.Instant;
import java.time.LocalDate;
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

    public List<KnownActivity> scheduledActivities(String department, Instant from, Instant to) {
        return em.createQuery("SELECT a FROM KnownActivity a WHERE a.department = :department"
                + " AND a.status = 'SCHEDULED' AND a.start >= :from AND a.start < :to ORDER BY a.start, a.id",
                KnownActivity.class)
                .setParameter("department", department).setParameter("from", from).setParameter("to", to)
                .getResultList();
    }

    /** Department membership: one row per clinician and department, matched by equality. */
    private static final String MEMBER_OF_DEPARTMENT =
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
        return em.createQuery("SELECT c FROM KnownCredential c WHERE c.clinicianId IN (" + MEMBER_OF_DEPARTMENT + ")"
                + " ORDER BY c.id", KnownCredential.class)
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

    /** Assignments of the department's clinicians in other windows overlapping [from, to): their busy time. */
    public List<org.rota.solver.domain.CurrentAssignment> assignmentsElsewhere(String department, String windowId,
            Instant from, Instant to) {
        return em.createQuery("SELECT a FROM CurrentAssignment a WHERE a.clinicianId IN (" + MEMBER_OF_DEPARTMENT + ")"
                + " AND a.windowId <> :window AND a.start < :to AND a.end > :from",
                org.rota.solver.domain.CurrentAssignment.class)
                .setParameter("department", department).setParameter("window", windowId)
                .setParameter("from", from).setParameter("to", to).getResultList();
    }
}
