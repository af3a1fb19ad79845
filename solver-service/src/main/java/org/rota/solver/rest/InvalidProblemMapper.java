package org.rota.solver.rest;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rota.platform.problem.Problem;
import org.rota.platform.problem.ProblemMappers;
import org.rota.solver.solver.InvalidProblemException;

/**
 * A what-if problem whose values break the solver's input rules (an end before its start, a negative fte...) is
 * refused while Jackson builds it; the problem then names the field as the solver does, e.g. {@code activities[].end}.
 */
public class InvalidProblemMapper {

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unreadableBody(WebApplicationException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidProblemException invalid) {
                return Problem.of(400, "Invalid problem", invalid.getMessage(), invalid.field(), null).response()
                        .build();
            }
        }
        return ProblemMappers.httpProblem(e);
    }
}
