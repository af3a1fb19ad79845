package org.rota.solver.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rota.platform.problem.Problem;
import org.rota.platform.problem.Problem.FieldError;
import org.rota.solver.service.PinRefusedException;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A refused pin's problem body carries the rule it would break, so that a client can act on it without parsing. */
public class PinRefusedMapper {

    /** The platform's problem fields plus {@code rule}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RuleProblem(String type, String title, int status, String detail, String field,
            List<FieldError> errors, String rule) {
    }

    @ServerExceptionMapper
    public Response refused(PinRefusedException e) {
        Problem problem = Problem.of(e.status(), e.title(), e.getMessage(), e.field(), null);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(new RuleProblem(problem.type(),
                problem.title(), problem.status(), problem.detail(), problem.field(), null, e.rule())).build();
    }
}
