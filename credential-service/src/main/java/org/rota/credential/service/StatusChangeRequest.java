package org.rota.credential.service;

import java.time.Instant;

import jakarta.validation.constraints.Size;

/**
 * Optional body of revoke, suspend and reinstate: why, the version the decision was based on, and when it takes
 * effect (default: now; see {@link StatusEffectiveTime}).
 */
public record StatusChangeRequest(@Size(max = 500) String reason, Long version, Instant effectiveFrom) {

    public static final StatusChangeRequest NONE = new StatusChangeRequest(null, null, null);
}
