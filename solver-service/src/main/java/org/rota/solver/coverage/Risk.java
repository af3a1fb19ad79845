package org.rota.solver.coverage;

/** How an activity's staffing is at risk, judged on its own date before anyone is assigned. */
public enum Risk {
    /** The clinicians who could serve fill fewer than its required seats. */
    UNCOVERABLE,
    /** They fill every required seat, but without one of them a seat would stay empty. */
    NO_SPARE
}
