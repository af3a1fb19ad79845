package org.rota.solver.solver;

import java.time.LocalDate;

/**
 * A privilege to perform one procedure. {@code validFrom}/{@code validUntil} are inclusive dates in the problem's zone;
 * {@code maxPerWeek} caps the activities of that procedure the clinician does in one ISO week.
 */
public record Credential(String clinicianId, String procedureCode, Level level, LocalDate validFrom,
                         LocalDate validUntil, CredentialStatus status, Integer maxPerWeek) {

    public Credential {
        Checks.require(clinicianId != null, "credentials[].clinicianId", "is required");
        Checks.require(procedureCode != null, "credentials[].procedureCode", "is required");
        level = level == null ? Level.QUALIFIED : level;
        status = status == null ? CredentialStatus.ACTIVE : status;
        Checks.require(maxPerWeek == null || maxPerWeek >= 0, "credentials[].maxPerWeek", "must not be negative");
        Checks.require(validFrom == null || validUntil == null || !validUntil.isBefore(validFrom),
                "credentials[].validUntil", "is before validFrom for " + clinicianId + "/" + procedureCode);
    }

    /** True when this credential is ACTIVE on every date from {@code first} to {@code last} inclusive. */
    public boolean validThroughout(LocalDate first, LocalDate last) {
        return status == CredentialStatus.ACTIVE
                && (validFrom == null || !validFrom.isAfter(first))
                && (validUntil == null || !validUntil.isBefore(last));
    }
}
