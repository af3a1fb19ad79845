package org.rota.solver.solver;

/** Credential level; declaration order is the ranking (EXPERT outranks QUALIFIED). */
public enum Level {
    QUALIFIED,
    EXPERT;

    public boolean atLeast(Level minimum) {
        return compareTo(minimum) >= 0;
    }
}
