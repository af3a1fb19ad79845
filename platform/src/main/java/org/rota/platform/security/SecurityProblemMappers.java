package org.rota.platform.security;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rota.platform.problem.Problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * 401 and 403 as problem bodies. Authentication is not proactive ({@code quarkus.http.auth.proactive=false}), so a
 * refused token surfaces here, at the endpoint's role check, before the resource method runs.
 */
public class SecurityProblemMappers {

    /** No bearer token at all. */
    @ServerExceptionMapper
    public Response missingToken(UnauthorizedException e) {
        return Problem.of(401, "Unauthorized", "This request needs a bearer token (Authorization: Bearer ...)",
                        "Authorization", null)
                .response().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** A token that is malformed, expired, not for this audience or not signed by the configured issuer. */
    @ServerExceptionMapper
    public Response refusedToken(AuthenticationFailedException e) {
        return Problem.of(401, "Unauthorized",
                        "The bearer token is not valid: malformed, expired, or not issued by this service's issuer",
                        "Authorization", null)
                .response().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"").build();
    }

    @ServerExceptionMapper
    public Response missingRole(ForbiddenException e) {
        return Problem.of(403, "Forbidden", "The token's roles do not allow this operation", null, null)
                .response().build();
    }
}
