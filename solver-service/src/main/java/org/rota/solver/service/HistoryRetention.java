package org.rota.solver.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.rota.solver.config.SolverConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

/**
 * Keeps the allocation versions and the solve history from growing without bound: per window, the latest versions
 * and runs up to a count, and none older than a maximum age, except that a window's latest version (its current
 * allocation) is always kept. Deletes in batches, each in its own short transaction; replicas pruning at the same time
 * only delete the same rows.
 */
@ApplicationScoped
public class HistoryRetention {

    private static final Logger LOG = Logger.getLogger(HistoryRetention.class);

    private final EntityManager em;
    private final SolverConfig.Retention retention;

    HistoryRetention(EntityManager em, SolverConfig config) {
        this.em = em;
        this.retention = config.retention();
    }

    public record Pruned(long allocations, long solveRuns) {
    }

    @Scheduled(every = "${solver.retention.interval}", delayed = "1m", concurrentExecution = ConcurrentExecution.SKIP)
    void scheduled() {
        Pruned pruned = prune(Instant.now());
        if (pruned.allocations() + pruned.solveRuns() > 0) {
            LOG.infof("Pruned %d allocation versions and %d solve runs", pruned.allocations(), pruned.solveRuns());
        }
    }

    public Pruned prune(Instant now) {
        Instant allocationCutoff = now.minus(retention.allocationMaxAge());
        long allocations = inBatches("""
                DELETE FROM allocation WHERE id IN (
                  SELECT id FROM (SELECT id, published_at,
                                         row_number() OVER (PARTITION BY window_id ORDER BY version DESC) AS newer
                                  FROM allocation) AS ranked
                  WHERE newer > 1 AND (newer > :keep OR published_at < :cutoff)
                  LIMIT :batch)""", retention.allocationVersionsPerWindow(), allocationCutoff);
        long runs = inBatches("""
                DELETE FROM solve_run WHERE id IN (
                  SELECT id FROM (SELECT id, started_at,
                                         row_number() OVER (PARTITION BY window_id ORDER BY started_at DESC) AS newer
                                  FROM solve_run) AS ranked
                  WHERE newer > :keep OR started_at < :cutoff
                  LIMIT :batch)""", retention.solveRunsPerWindow(), now.minus(retention.solveRunMaxAge()));
        return new Pruned(allocations, runs);
    }

    private long inBatches(String delete, int keep, Instant cutoff) {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(delete)
                    .setParameter("keep", keep).setParameter("cutoff", cutoff)
                    .setParameter("batch", retention.batchSize()).executeUpdate());
            total += deleted;
        } while (deleted == retention.batchSize());
        return total;
    }
}
