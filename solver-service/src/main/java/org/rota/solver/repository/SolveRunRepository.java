package org.rota.solver.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.rota.platform.web.Page;
import org.rota.platform.web.PageRequest;
import org.rota.solver.domain.SolveRun;

/** The solve history: one row per solve of a window, whatever its outcome. */
@ApplicationScoped
public class SolveRunRepository {

    private final EntityManager em;

    SolveRunRepository(EntityManager em) {
        this.em = em;
    }

    public void persist(SolveRun run) {
        em.persist(run);
    }

    public SolveRun find(UUID id) {
        return em.find(SolveRun.class, id);
    }

    /** The runs, newest first, of one window or of all; {@code offset} is the page's first row. */
    public Page<SolveRun> page(String windowId, PageRequest page, int offset) {
        String where = windowId == null ? "" : " WHERE r.windowId = :window";
        var query = em.createQuery("SELECT r FROM SolveRun r" + where + " ORDER BY r.startedAt DESC", SolveRun.class);
        var count = em.createQuery("SELECT COUNT(r) FROM SolveRun r" + where, Long.class);
        if (windowId != null) {
            query.setParameter("window", windowId);
            count.setParameter("window", windowId);
        }
        List<SolveRun> items = query.setFirstResult(offset).setMaxResults(page.size()).getResultList();
        return Page.of(items, page, count.getSingleResult());
    }

    /**
     * Deletes up to {@code batch} runs beyond their window's {@code keep} newest or started before {@code cutoff};
     * returns how many it deleted.
     */
    public int deleteOldRuns(int keep, Instant cutoff, int batch) {
        return em.createNativeQuery("""
                DELETE FROM solve_run WHERE id IN (
                  SELECT id FROM (SELECT id, started_at,
                                         row_number() OVER (PARTITION BY window_id ORDER BY started_at DESC) AS newer
                                  FROM solve_run) AS ranked
                  WHERE newer > :keep OR started_at < :cutoff
                  LIMIT :batch)""")
                .setParameter("keep", keep).setParameter("cutoff", cutoff).setParameter("batch", batch)
                .executeUpdate();
    }
}
