package org.rota.solver.solver;

/**
 * How the service lets every solve search, whatever a problem's options ask: the memory CP-SAT may take, in MB (its own
 * default is 10 GB, far above a container's limit). CP-SAT stops searching when it gets there and answers with its best
 * solution so far.
 */
public record SearchSettings(int maxMemoryMb) {

    /** Below the 1 GiB a solving pod may peak at (solver.max-memory-mb). */
    public static final int DEFAULT_MAX_MEMORY_MB = 900;

    public SearchSettings {
        Checks.require(maxMemoryMb >= 64, "solver.max-memory-mb", "must be at least 64");
    }

    public static SearchSettings defaults() {
        return new SearchSettings(DEFAULT_MAX_MEMORY_MB);
    }
}
