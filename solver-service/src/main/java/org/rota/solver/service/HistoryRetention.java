package org.rota.solver.service;

import java.time.Instant;
import java.util.function.IntUnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.rota.solver.config.SolverConfig;
import org.rota.solver.repository.AllocationRepository;
import org.rota.solver.repository.SolveRunRepository;

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

    private final AllocationRepository allocations;
    private final SolveRunRepository solveRuns;
    private final SolverConfig.Retention retention;

    HistoryRetention(AllocationRepository allocations, SolveRunRepository solveRuns, SolverConfig config) {
        this.allocations = allocations;
        this.solveRuns = solveRuns;
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
        long versions = inBatches(batch -> allocations.deleteOldVersions(retention.allocationVersionsPerWindow(),
                now.minus(retention.allocationMaxAge()), batch));
        long runs = inBatches(batch -> solveRuns.deleteOldRuns(retention.solveRunsPerWindow(),
                now.minus(retention.solveRunMaxAge()), batch));
        return new Pruned(versions, runs);
    }

    private long inBatches(IntUnaryOperator deleteBatch) {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> deleteBatch.applyAsInt(retention.batchSize()));
            total += deleted;
        } while (deleted == retention.batchSize());
        return total;
    }
}
