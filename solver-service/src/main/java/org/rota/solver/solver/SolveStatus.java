package org.rota.solver.solver;

public enum SolveStatus {
    OPTIMAL,
    FEASIBLE,
    INFEASIBLE,
    MODEL_INVALID,
    UNKNOWN
}
