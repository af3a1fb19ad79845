package org.rota.solver.solver;

/**
 * One clinician's verdict on one activity. {@code level}: the credential level that would serve (null without a valid
 * credential or procedure). {@code detail}: what the rule met, for people (e.g. the clashing activity). {@code cost}: for
 * ELIGIBLE_NOT_CHOSEN, how much the objective would rise if this clinician took the seat (the cheapest swap with an
 * assignee, or filling an empty seat, whose delta is then negative); null when no such single move keeps the rules.
 */
public record ClinicianVerdict(String clinicianId, Verdict verdict, Level level, String detail, Long cost) {
}
