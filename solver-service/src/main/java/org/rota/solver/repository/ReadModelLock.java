package org.rota.solver.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * A PostgreSQL advisory lock over the whole live read model, held until the end of the caller's transaction. The
 * projection's batches and the reading of a window's problem share it; the rebuild's swap takes it alone, so that
 * every problem is read wholly before or wholly after a swap, and no batch lands between the rebuild's last catch-up
 * and the swap. It works across replicas, since they share the database.
 */
@ApplicationScoped
public class ReadModelLock {

    /** Arbitrary constant naming the lock ("RotaRea" in ASCII). */
    public static final long KEY = 0x526f7461526561L;

    private final EntityManager em;

    ReadModelLock(EntityManager em) {
        this.em = em;
    }

    /** For reading or projecting into the live model; many holders at once. */
    @Transactional(TxType.MANDATORY)
    public void share() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock_shared(:key)").setParameter("key", KEY).getSingleResult();
    }

    /** For replacing the live model; waits for the current holders, and new ones wait for this transaction. */
    @Transactional(TxType.MANDATORY)
    public void exclude() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", KEY).getSingleResult();
    }
}
