package org.rota.platform.web;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.rota.platform.problem.ProblemException;

import io.vertx.core.http.HttpServerRequest;

/**
 * Applies {@link StorableValues}'s text rule to what a request carries outside its body: path and query parameters
 * (a NUL arrives percent-encoded as {@code %00}) and headers (an actor name is stored in the credential history).
 * The raw request is scanned first, so the usual request pays for a few string searches only.
 */
public class StorableParametersFilter {

    private static final String ENCODED_NUL = "%00";

    @ServerRequestFilter
    public void refuseUnstorableParameters(HttpServerRequest request, UriInfo uri) {
        if (containsEncodedNul(request.path())) {
            refuseFirst(uri.getPathParameters());
        }
        if (containsEncodedNul(request.query())) {
            refuseFirst(uri.getQueryParameters());
        }
        for (Map.Entry<String, String> header : request.headers()) {
            StorableValues.textProblem(header.getValue()).ifPresent(problem -> {
                throw ProblemException.badRequest(header.getKey(), header.getKey() + " " + problem);
            });
        }
    }

    private static boolean containsEncodedNul(String raw) {
        return raw != null && (raw.contains(ENCODED_NUL) || raw.indexOf('\u0000') >= 0);
    }

    private static void refuseFirst(MultivaluedMap<String, String> decoded) {
        for (Map.Entry<String, List<String>> parameter : decoded.entrySet()) {
            for (String value : parameter.getValue()) {
                StorableValues.textProblem(value).ifPresent(problem -> {
                    throw ProblemException.badRequest(parameter.getKey(), parameter.getKey() + " " + problem);
                });
            }
        }
    }
}
