package org.rota.solver.repository;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.rota.solver.domain.Pin;
import org.rota.solver.domain.PlanningWindow;

/** The schedulers' pins: a clinician fixed to an activity. */
@ApplicationScoped
public class PinRepository {

    private final EntityManager em;

    PinRepository(EntityManager em) {
        this.em = em;
    }

    public Pin find(UUID id) {
        return em.find(Pin.class, id);
    }

    public void persist(Pin pin) {
        em.persist(pin);
    }

    public void remove(Pin pin) {
        em.remove(pin);
    }

    public boolean exists(UUID activityId, UUID clinicianId) {
        return !em.createQuery("SELECT p FROM Pin p WHERE p.activityId = :a AND p.clinicianId = :c", Pin.class)
                .setParameter("a", activityId).setParameter("c", clinicianId).setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** All pins, or those of one activity, oldest first. */
    public List<Pin> list(UUID activityId) {
        return activityId == null ? em.createQuery("SELECT p FROM Pin p ORDER BY p.createdAt", Pin.class).getResultList()
                : em.createQuery("SELECT p FROM Pin p WHERE p.activityId = :a ORDER BY p.createdAt", Pin.class)
                        .setParameter("a", activityId).getResultList();
    }

    /** The planning windows holding a pin of the clinician on a scheduled activity overlapping [from, to). */
    public Set<PlanningWindow> windowsPinning(UUID clinicianId, Instant from, Instant to, ZoneId zone) {
        Set<PlanningWindow> windows = new HashSet<>();
        em.createQuery("SELECT a.department, a.start FROM Pin p, KnownActivity a WHERE a.id = p.activityId"
                + " AND p.clinicianId = :clinician AND a.status = 'SCHEDULED' AND a.start < :to AND a.end > :from",
                Object[].class)
                .setParameter("clinician", clinicianId).setParameter("from", from).setParameter("to", to)
                .getResultList()
                .forEach(row -> windows.add(PlanningWindow.containing((String) row[0], (Instant) row[1], zone)));
        return windows;
    }

    /** The pins of the department's scheduled activities starting in [from, to), oldest first. */
    public List<Pin> ofScheduledActivities(String department, Instant from, Instant to) {
        return em.createQuery("SELECT p FROM Pin p WHERE p.activityId IN (SELECT a.id FROM KnownActivity a"
                + " WHERE a.department = :department AND a.status = 'SCHEDULED' AND a.start >= :from AND a.start < :to)"
                + " ORDER BY p.createdAt", Pin.class)
                .setParameter("department", department).setParameter("from", from).setParameter("to", to)
                .getResultList();
    }
}
