package org.rota.activity.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rota.activity.service.InvalidBatchException;
import org.rota.platform.problem.Problem;

/** The failure kinds of this service that the platform's mappers do not know. */
public class ActivityProblemMappers {

    @ServerExceptionMapper
    public Response invalidBatch(InvalidBatchException e) {
        String title = e.status() == 422 ? "Unprocessable reference" : "Invalid request";
        return Problem.of(e.status(), title, e.getMessage(), e.errors().isEmpty() ? null : e.errors().get(0).field(),
                e.errors()).response().build();
    }
}
