package org.rota.events;

public enum CredentialStatus {
    ACTIVE,
    /** Temporarily withdrawn; {@code reinstate} makes it ACTIVE again. */
    SUSPENDED,
    /** Withdrawn for good. */
    REVOKED
}
