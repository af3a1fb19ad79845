package org.rota.platform.problem;

import java.util.Map;

/** A business rule refused the request; carries the HTTP status and the field at fault. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;
    private final Map<String, String> headers;

    public ProblemException(int status, String title, String detail, String field) {
        this(status, title, detail, field, Map.of());
    }

    public ProblemException(int status, String title, String detail, String field, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
        this.headers = headers;
    }

    public static ProblemException badRequest(String field, String detail) {
        return new ProblemException(400, "Invalid request", detail, field);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "Not found", what + " " + id + " does not exist", null);
    }

    /** A referenced entity (in the body, not the path) does not exist or cannot be used. */
    public static ProblemException unprocessable(String field, String detail) {
        return new ProblemException(422, "Unprocessable reference", detail, field);
    }

    public static ProblemException conflict(String field, String detail) {
        return new ProblemException(409, "Conflict", detail, field);
    }

    public static ProblemException staleVersion(String what, long expected, long actual) {
        return new ProblemException(409, "Stale version",
                what + " is at version " + actual + ", the request was based on version " + expected, "version");
    }

    public static ProblemException preconditionFailed(String what, long actual) {
        return new ProblemException(412, "Precondition failed",
                "If-Match does not match " + what + " version " + actual, "If-Match");
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
