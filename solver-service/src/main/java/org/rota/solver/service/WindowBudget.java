package org.rota.solver.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rota.solver.config.SolverConfig;

/**
 * The bulkhead around one solve: a window whose estimated size exceeds what the heap the service runs with can take
 * (or an explicit cap) is not loaded or modelled at all, so that an outsized department cannot exhaust the heap and
 * stop planning for every other one. An {@code OutOfMemoryError} is never how a limit is found.
 */
@ApplicationScoped
public class WindowBudget {

    private final long heapBytes;
    private final long bytesPerClinician;
    private final long bytesPerEligiblePair;
    private final int maxActivities;
    private final long maxClinicians;
    private final long maxEligiblePairs;

    @Inject
    WindowBudget(SolverConfig config) {
        this(config.windowBudget(), Runtime.getRuntime().maxMemory());
    }

    WindowBudget(SolverConfig.WindowBudget config, long maxHeapBytes) {
        this.heapBytes = (long) (maxHeapBytes * config.heapShare());
        this.bytesPerClinician = config.bytesPerClinician();
        this.bytesPerEligiblePair = config.bytesPerEligiblePair();
        this.maxActivities = config.maxActivities();
        this.maxClinicians = config.maxClinicians();
        this.maxEligiblePairs = config.maxEligiblePairs();
    }

    /** Why the window is too large to solve, with its figures and the limits; empty when it fits. */
    public Optional<String> exceededBy(WindowSize size) {
        List<String> excess = new ArrayList<>();
        if (size.activities() > maxActivities) {
            excess.add(size.activities() + " activities > " + maxActivities);
        }
        if (size.clinicians() > maxClinicians) {
            excess.add(size.clinicians() + " clinicians > " + maxClinicians);
        }
        if (size.eligiblePairs() > maxEligiblePairs) {
            excess.add(size.eligiblePairs() + " eligible pairs > " + maxEligiblePairs);
        }
        long estimated = estimatedHeapBytes(size);
        if (estimated > heapBytes) {
            excess.add("~" + mebibytes(estimated) + " MiB of heap > " + mebibytes(heapBytes) + " MiB budget");
        }
        return excess.isEmpty() ? Optional.empty()
                : Optional.of("Window too large to solve (" + size + "): " + String.join(", ", excess));
    }

    long estimatedHeapBytes(WindowSize size) {
        return size.clinicians() * bytesPerClinician + size.eligiblePairs() * bytesPerEligiblePair;
    }

    private static long mebibytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
