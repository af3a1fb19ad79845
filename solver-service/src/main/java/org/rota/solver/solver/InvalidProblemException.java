package org.rota.solver.solver;

/** Malformed solver input; {@link #field()} names the offending field so callers can answer with a problem body. */
public class InvalidProblemException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidProblemException(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
