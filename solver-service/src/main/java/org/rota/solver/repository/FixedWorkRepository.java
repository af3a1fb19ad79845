package org.rota.solver.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * Work the clinicians of a planning window already do outside it, which every hard rule of the window counts: the
 * current assignments of every other window (other departments, other weeks) and the pins of every other window
 * (a pin is work the clinician will do, even before its window is re-planned), with times and procedure.
 */
@ApplicationScoped
public class FixedWorkRepository {

    /** One piece of work outside the window; {@code pinned} when a pin holds it there. */
    public record FixedWork(UUID clinicianId, UUID activityId, Instant start, Instant end, String procedureCode,
            boolean pinned) {
    }

    /** A planning window: a department's activities starting in [from, to). */
    public record Window(String id, String department, Instant from, Instant to) {
    }

    private static final String OUTSIDE_THE_WINDOW =
            " NOT (a.department = :department AND a.start >= :windowFrom AND a.start < :windowTo)";

    private final EntityManager em;

    FixedWorkRepository(EntityManager em) {
        this.em = em;
    }

    /** The fixed work overlapping [from, to) of the window's department's clinicians. */
    public List<FixedWork> ofDepartment(Window window, Instant from, Instant to) {
        String clinicians = " IN (" + ReadModelRepository.MEMBER_OF_DEPARTMENT + ")";
        return merge(
                assignments("c.clinicianId" + clinicians, window, from, to)
                        .setParameter("department", window.department()).getResultList(),
                pins("p.clinicianId" + clinicians, window, from, to).getResultList());
    }

    /** The fixed work overlapping [from, to) of one clinician. */
    public List<FixedWork> ofClinician(UUID clinicianId, Window window, Instant from, Instant to) {
        return merge(
                assignments("c.clinicianId = :clinician", window, from, to)
                        .setParameter("clinician", clinicianId).getResultList(),
                pins("p.clinicianId = :clinician", window, from, to)
                        .setParameter("clinician", clinicianId).getResultList());
    }

    private TypedQuery<FixedWork> assignments(String whose, Window window, Instant from, Instant to) {
        return em.createQuery("SELECT new org.rota.solver.repository.FixedWorkRepository$FixedWork(c.clinicianId,"
                + " c.activityId, c.start, c.end, c.procedureCode, false) FROM CurrentAssignment c"
                + " WHERE " + whose + " AND c.windowId <> :window AND c.start < :to AND c.end > :from", FixedWork.class)
                .setParameter("window", window.id()).setParameter("from", from).setParameter("to", to);
    }

    private TypedQuery<FixedWork> pins(String whose, Window window, Instant from, Instant to) {
        return em.createQuery("SELECT new org.rota.solver.repository.FixedWorkRepository$FixedWork(p.clinicianId,"
                + " a.id, a.start, a.end, a.procedureCode, true)"
                + " FROM Pin p, KnownActivity a WHERE a.id = p.activityId AND " + whose
                + " AND a.status = 'SCHEDULED' AND a.start < :to AND a.end > :from AND" + OUTSIDE_THE_WINDOW,
                FixedWork.class)
                .setParameter("department", window.department()).setParameter("windowFrom", window.from())
                .setParameter("windowTo", window.to()).setParameter("from", from).setParameter("to", to);
    }

    /** One entry per clinician and activity: a pinned assignment is both a current assignment and a pin. */
    private static List<FixedWork> merge(List<FixedWork> assignments, List<FixedWork> pins) {
        Map<String, FixedWork> work = new LinkedHashMap<>();
        for (FixedWork assignment : assignments) {
            work.put(assignment.clinicianId() + "/" + assignment.activityId(), assignment);
        }
        for (FixedWork pin : pins) {
            work.merge(pin.clinicianId() + "/" + pin.activityId(), pin,
                    (assigned, pinned) -> pinned);
        }
        return new ArrayList<>(work.values());
    }
}
