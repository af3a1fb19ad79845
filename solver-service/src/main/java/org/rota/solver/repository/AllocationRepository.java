package org.rota.solver.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.rota.events.AllocationEvent;
import org.rota.solver.domain.Allocation;
import org.rota.solver.domain.CurrentAssignment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The published allocations: every version of each window (its event as a JSON document) and, per window, the
 * assignments of its latest version as rows ({@link CurrentAssignment}), which other windows' solves read as the
 * clinicians' work elsewhere.
 */
@ApplicationScoped
public class AllocationRepository {

    /** Arbitrary constant naming the advisory lock that serialises allocation commits ("RotaAll" in ASCII). */
    private static final long COMMIT_LOCK = 0x526f7461416c6cL;

    private final EntityManager em;
    private final ObjectMapper json;

    AllocationRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * Serialises allocation commits across replicas until the end of the caller's transaction, so that the checks a
     * commit makes against other windows' current assignments still hold when it writes.
     */
    public void lockCommits() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:lock)").setParameter("lock", COMMIT_LOCK).getSingleResult();
    }

    /** The window's latest version, if it has one. */
    public Optional<Allocation> latest(String windowId) {
        return em.createQuery("SELECT a FROM Allocation a WHERE a.windowId = :window ORDER BY a.version DESC",
                Allocation.class).setParameter("window", windowId).setMaxResults(1).getResultStream().findFirst();
    }

    /** The latest version of every window of the weeks [firstWeek, lastWeek], optionally of one department. */
    public List<Allocation> latestOfWeeks(LocalDate firstWeek, LocalDate lastWeek, String department) {
        var query = em.createQuery("SELECT a FROM Allocation a WHERE a.weekStart >= :first AND a.weekStart <= :last"
                + (department == null ? "" : " AND a.department = :department")
                + " AND a.version = (SELECT MAX(b.version) FROM Allocation b WHERE b.windowId = a.windowId)"
                + " ORDER BY a.windowId", Allocation.class)
                .setParameter("first", firstWeek).setParameter("last", lastWeek);
        if (department != null) {
            query.setParameter("department", department);
        }
        return query.getResultList();
    }

    /** Stores a new version of a window with its event as the document. */
    public Allocation store(AllocationEvent event, String inputSnapshot) {
        Allocation stored = new Allocation();
        stored.id = UUID.randomUUID();
        stored.windowId = event.windowId();
        stored.department = event.department();
        stored.weekStart = event.weekStart();
        stored.version = event.version();
        stored.publishedAt = event.publishedAt();
        stored.inputSnapshot = inputSnapshot;
        stored.document = toJson(event);
        em.persist(stored);
        return stored;
    }

    /** The event a stored version was published as. */
    public AllocationEvent event(Allocation allocation) {
        try {
            return json.readValue(allocation.document, AllocationEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored allocation " + allocation.id + " is unreadable", e);
        }
    }

    public List<CurrentAssignment> currentAssignments(String windowId) {
        return em.createQuery("SELECT a FROM CurrentAssignment a WHERE a.windowId = :window", CurrentAssignment.class)
                .setParameter("window", windowId).getResultList();
    }

    /** Makes these the window's current assignments, replacing the ones it had. */
    public void replaceCurrentAssignments(String windowId, List<CurrentAssignment> assignments) {
        currentAssignments(windowId).forEach(em::remove);
        em.flush(); // the same (activity, clinician) keys may come back
        assignments.forEach(em::persist);
    }

    /** A clinician's current assignments overlapping [from, to), in every window, by start. */
    public List<CurrentAssignment> assignmentsOf(UUID clinicianId, Instant from, Instant to) {
        return em.createQuery("SELECT a FROM CurrentAssignment a WHERE a.clinicianId = :clinician"
                + " AND a.start < :to AND a.end > :from ORDER BY a.start", CurrentAssignment.class)
                .setParameter("clinician", clinicianId).setParameter("from", from).setParameter("to", to)
                .getResultList();
    }

    /** The windows in which the clinician holds a current assignment overlapping [from, to). */
    public List<String> windowsAssigning(UUID clinicianId, Instant from, Instant to) {
        return em.createQuery("SELECT DISTINCT a.windowId FROM CurrentAssignment a WHERE a.clinicianId = :clinician"
                + " AND a.start < :to AND a.end > :from", String.class)
                .setParameter("clinician", clinicianId).setParameter("from", from).setParameter("to", to)
                .getResultList();
    }

    /**
     * Deletes up to {@code batch} versions that are not their window's latest and are either beyond the
     * {@code keep} newest or published before {@code cutoff}; returns how many it deleted.
     */
    public int deleteOldVersions(int keep, Instant cutoff, int batch) {
        return em.createNativeQuery("""
                DELETE FROM allocation WHERE id IN (
                  SELECT id FROM (SELECT id, published_at,
                                         row_number() OVER (PARTITION BY window_id ORDER BY version DESC) AS newer
                                  FROM allocation) AS ranked
                  WHERE newer > 1 AND (newer > :keep OR published_at < :cutoff)
                  LIMIT :batch)""")
                .setParameter("keep", keep).setParameter("cutoff", cutoff).setParameter("batch", batch)
                .executeUpdate();
    }

    private String toJson(AllocationEvent allocation) {
        try {
            return json.writeValueAsString(allocation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
