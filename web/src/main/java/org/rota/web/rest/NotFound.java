package org.rota.web.rest;

/** What the user asked for does not exist: rendered as a 404 page that says which. */
public class NotFound extends RuntimeException {

    private final String what;
    private final String hint;
    private final String hintUrl;

    public NotFound(String what, String message) {
        this(what, message, null, null);
    }

    public NotFound(String what, String message, String hint, String hintUrl) {
        super(message);
        this.what = what;
        this.hint = hint;
        this.hintUrl = hintUrl;
    }

    public String what() {
        return what;
    }

    public String hint() {
        return hint;
    }

    public String hintUrl() {
        return hintUrl;
    }
}
