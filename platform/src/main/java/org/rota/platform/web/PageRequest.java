package org.rota.platform.web;

import org.rota.platform.problem.ProblemException;

/** Which page of a listing a client asked for, checked. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw ProblemException.badRequest("page", "page must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.badRequest("size", "size must be between 1 and " + MAX_SIZE);
        }
        return new PageRequest(p, s);
    }
}
