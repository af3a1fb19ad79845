package org.rota.platform.web;

import org.rota.platform.problem.ProblemException;

/** Which page of a listing a client asked for, checked: the first row it skips to must fit an int offset. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /** From the raw {@code page} and {@code size} query parameters, so that "abc" or 10^20 is a 400, not a 404. */
    public static PageRequest of(String page, String size) {
        return of(QueryParameters.integer("page", page), QueryParameters.integer("size", size));
    }

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw ProblemException.badRequest("page", "page must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.badRequest("size", "size must be between 1 and " + MAX_SIZE);
        }
        if ((long) p * s > Integer.MAX_VALUE) {
            throw ProblemException.badRequest("page", "page × size must be at most " + Integer.MAX_VALUE
                    + "; with size " + s + " the last page is " + Integer.MAX_VALUE / s);
        }
        return new PageRequest(p, s);
    }
}
