package org.rota.events;

/** How far a credential lets a clinician take part in a procedure. Declared weakest first. */
public enum CredentialLevel {
    /** A resident in training: serves only in a TRAINEE seat, and only under supervision. */
    TRAINEE,
    /** A secondary operator: allowed, at a penalty where an expert could serve. */
    QUALIFIED,
    /** A primary operator: preferred. */
    EXPERT;

    public boolean atLeast(CredentialLevel minimum) {
        return compareTo(minimum) >= 0;
    }
}
