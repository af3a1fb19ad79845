package org.rota.solver.coverage;

/** The one change to a credential that would make its holder eligible. */
public enum Change {
    /** Expired, or expiring before the activity's last date: a renewal extends it. */
    RENEW,
    /** SUSPENDED at the activity's time: reinstating it. A REVOKED credential has no fix. */
    REINSTATE,
    /** Valid, but its level fits none of the seat groups: one level higher would. */
    RAISE_LEVEL
}
