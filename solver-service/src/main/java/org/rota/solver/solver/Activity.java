package org.rota.solver.solver;

import java.time.Instant;

/**
 * An activity to staff. Without {@code procedureCode} any active clinician may staff it. Omitted
 * {@code requiredClinicians} means one, omitted {@code minimumLevel} means QUALIFIED.
 */
public record Activity(String id, Instant start, Instant end, String procedureCode, Integer requiredClinicians,
                       Level minimumLevel, String title, String location) {

    public Activity {
        Checks.require(id != null && !id.isBlank(), "activities[].id", "is required");
        Checks.require(start != null, "activities[].start", "is required for " + id);
        Checks.require(end != null, "activities[].end", "is required for " + id);
        Checks.require(end.isAfter(start), "activities[].end", "must be after start for " + id);
        requiredClinicians = requiredClinicians == null ? 1 : requiredClinicians;
        Checks.require(requiredClinicians >= 1, "activities[].requiredClinicians", "must be at least 1 for " + id);
        minimumLevel = minimumLevel == null ? Level.QUALIFIED : minimumLevel;
    }

    public Activity(String id, Instant start, Instant end, String procedureCode, int requiredClinicians,
                    Level minimumLevel) {
        this(id, start, end, procedureCode, requiredClinicians, minimumLevel, null, null);
    }
}
