package org.rota.solver.solver;

import java.time.Instant;

/** From {@code effectiveFrom} on (until the next change), a credential has {@code status}. */
public record StatusChange(Instant effectiveFrom, CredentialStatus status) {

    public StatusChange {
        Checks.require(effectiveFrom != null, "credentials[].statusHistory[].effectiveFrom", "is required");
        Checks.require(status != null, "credentials[].statusHistory[].status", "is required");
    }
}
