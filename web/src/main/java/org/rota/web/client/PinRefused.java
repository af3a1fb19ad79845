package org.rota.web.client;

/** solver-service refused a pin (409): the hard rule it would break, and what it met. */
public class PinRefused extends RuntimeException {

    private final String rule;

    public PinRefused(String rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
