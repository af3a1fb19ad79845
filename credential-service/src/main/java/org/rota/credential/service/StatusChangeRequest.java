package org.rota.credential.service;

import jakarta.validation.constraints.Size;

/** Optional body of revoke, suspend and reinstate: why, and the version the decision was based on. */
public record StatusChangeRequest(@Size(max = 500) String reason, Long version) {

    public static final StatusChangeRequest NONE = new StatusChangeRequest(null, null);
}
