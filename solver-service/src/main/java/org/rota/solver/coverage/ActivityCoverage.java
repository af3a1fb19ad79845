package org.rota.solver.coverage;

import java.util.List;

/**
 * An activity at risk: {@code seats} its required seats, {@code eligible} the clinicians who could take one of them,
 * and the credential changes that would each add a clinician able to fill a seat that is short (UNCOVERABLE) or take
 * the activity out of risk (NO_SPARE).
 */
public record ActivityCoverage(String activityId, Risk risk, int seats, int eligible, List<Fix> fixes) {
}
