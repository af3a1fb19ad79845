package org.rota.activity.service;

import java.util.List;

import org.rota.platform.problem.Problem.FieldError;

/** A bulk import was refused as a whole; every error names its item, e.g. {@code items[17].end}. */
public class InvalidBatchException extends RuntimeException {

    private final int status;
    private final List<FieldError> errors;

    public InvalidBatchException(int status, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
