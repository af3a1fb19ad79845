package org.rota.solver.solver;

public enum CredentialStatus {
    ACTIVE,
    SUSPENDED,
    REVOKED
}
