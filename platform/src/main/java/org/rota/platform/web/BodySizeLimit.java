package org.rota.platform.web;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rota.platform.problem.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a request whose declared {@code Content-Length} exceeds {@code quarkus.http.limits.max-body-size} with 413
 * and a problem body, before Quarkus's own check (route order -2) would answer with an empty one. The body is not read.
 * A chunked body that grows past the limit is still cut off by Quarkus, with an empty 413.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** Before the route Quarkus installs for the same limit. */
    private static final int ORDER = -3;

    private final Optional<MemorySize> limit;
    private final ObjectMapper json;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit,
            ObjectMapper json) {
        this.limit = limit;
        this.json = json;
    }

    void install(@Observes Router router) {
        limit.ifPresent(max -> router.route().order(ORDER).handler(context -> refuseWhenTooLarge(context,
                max.asLongValue())));
    }

    private void refuseWhenTooLarge(RoutingContext context, long max) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null || !exceeds(declared, max)) {
            context.next();
            return;
        }
        Problem problem = Problem.of(413, "Request body too large",
                "The body has " + declared.strip() + " bytes; this service takes at most " + max, "body", null);
        try {
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(413, e);
        }
    }

    private static boolean exceeds(String declared, long max) {
        try {
            return Long.parseLong(declared.strip()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
