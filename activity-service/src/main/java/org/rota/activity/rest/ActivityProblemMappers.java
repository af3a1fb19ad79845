package org.rota.activity.rest;

import jakarta.ws.rs.core.Response;

import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rota.activity.service.InvalidBatchException;
import org.rota.platform.problem.Problem;

/** The failure kinds of this service that the platform's mappers do not know. */
public class ActivityProblemMappers {

    @ServerExceptionMapper
    public Response invalidBatch(InvalidBatchException e) {
        String title = e.status() == 422 ? "Unprocessable reference" : "Invalid request";
        Problem problem = new Problem("https://rota.example/problems/" + e.status(), title, e.status(), e.getMessage(),
                e.errors().isEmpty() ? null : e.errors().get(0).field(), e.errors());
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** Two requests raced for the same unique key (an externalId, a clinician's day); the later one lost. */
    @ServerExceptionMapper
    public Response uniqueKeyTaken(ConstraintViolationException e) {
        Problem problem = new Problem("https://rota.example/problems/409", "Conflict", 409,
                "Another request wrote the same unique key meanwhile (" + e.getConstraintName() + "); read and retry",
                null, null);
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
