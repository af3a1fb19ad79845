package org.rota.solver.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Where in the read model's history a solve read its input: the PostgreSQL snapshot of its read transaction
 * ({@code pg_snapshot} as text, {@code xmin:xmax:xip,...}). Every replica reads the same database, so two positions are
 * comparable, and a solve is published only when its position is at least as new as that of the allocation it replaces:
 * after a rebalance or a pause, a replica that read older input cannot overwrite a newer result.
 * <p>
 * Snapshots taken one after the other are ordered by {@code xmax} (one past the latest completed transaction, which
 * only grows), and at an equal {@code xmax} the later one has no in-progress transaction the earlier one did not have
 * (transactions only finish). So "at least as new" is exact, with no clock and no counter on the write path.
 */
@ApplicationScoped
public class InputPosition {

    private final EntityManager em;

    InputPosition(EntityManager em) {
        this.em = em;
    }

    /**
     * Makes the current transaction read everything from one snapshot and returns that snapshot. Must be the
     * transaction's first statement: REPEATABLE READ also keeps the solve's input consistent across its queries.
     */
    @Transactional(TxType.MANDATORY)
    public String readConsistently() {
        em.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").executeUpdate();
        return (String) em.createNativeQuery("SELECT CAST(pg_current_snapshot() AS text)").getSingleResult();
    }

    /**
     * Whether input read at {@code candidate} is at least as new as input read at {@code published}. A position with
     * none to compare to (an allocation stored before positions existed), or one from the future (a database restored
     * into another cluster, whose transaction ids started again), does not block publication.
     */
    @Transactional(TxType.MANDATORY)
    public boolean atLeastAsNew(String candidate, String published) {
        if (published == null) {
            return true;
        }
        Object newer = em.createNativeQuery("""
                SELECT CASE
                  WHEN pg_snapshot_xmax(p) > pg_snapshot_xmax(pg_current_snapshot()) THEN true
                  WHEN pg_snapshot_xmax(c) <> pg_snapshot_xmax(p) THEN pg_snapshot_xmax(c) > pg_snapshot_xmax(p)
                  ELSE NOT EXISTS (SELECT pg_snapshot_xip(c) EXCEPT SELECT pg_snapshot_xip(p))
                END
                FROM (SELECT CAST(:candidate AS pg_snapshot) AS c, CAST(:published AS pg_snapshot) AS p) AS positions""")
                .setParameter("candidate", candidate).setParameter("published", published).getSingleResult();
        return Boolean.TRUE.equals(newer);
    }
}
