package org.rota.solver.service;

import org.rota.platform.problem.ProblemException;

/** A pin that cannot be kept: 409, naming the hard rule it would break (e.g. REST, WEEKLY_CAP, NO_CREDENTIAL). */
public class PinRefusedException extends ProblemException {

    private final String rule;

    public PinRefusedException(String rule, String detail) {
        this(rule, detail, "clinicianId");
    }

    public PinRefusedException(String rule, String detail, String field) {
        super(409, "Pin cannot be kept", detail, field);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
