package org.rota.solver.solver;

/**
 * How the service lets every solve search, whatever a problem's options ask. {@code maxMemoryMb}: CP-SAT's
 * {@code max_memory_in_mb}, which it compares with the memory of the whole process (JVM included: it reads the
 * process's resident size) and, once above, stops searching and answers with its best solution so far. Its own default
 * is 10 GB, far above a container's limit.
 */
public record SearchSettings(int maxMemoryMb) {

    /** Below the 1 GiB the service may peak at while solving, and 75 % of its 1,536 Mi pod limit. */
    public static final int DEFAULT_MAX_MEMORY_MB = 900;

    public SearchSettings {
        Checks.require(maxMemoryMb >= 64, "solver.max-memory-mb", "must be at least 64");
    }

    public static SearchSettings defaults() {
        return new SearchSettings(DEFAULT_MAX_MEMORY_MB);
    }
}
