package org.rota.solver.solver;

/**
 * An assignment that breaks a rule given the clinician's fixed work and the other assignments checked before it
 * (earlier activities first). {@code rule} is one of the blocking {@link Verdict}s.
 */
public record RuleViolation(String activityId, String clinicianId, Verdict rule, String detail) {
}
