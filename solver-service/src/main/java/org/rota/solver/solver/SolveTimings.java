package org.rota.solver.solver;

/**
 * Wall-clock milliseconds. {@code modelMillis}: eligibility, pin check, greedy start and model building;
 * {@code solveMillis}: CP-SAT itself; {@code firstFeasibleMillis}: from the call to {@code solve} until CP-SAT reported
 * its first solution (null if it found none); {@code greedyMillis}: the construction heuristic alone (part of model time).
 */
public record SolveTimings(long modelMillis, long solveMillis, Long firstFeasibleMillis, long greedyMillis) {
}
