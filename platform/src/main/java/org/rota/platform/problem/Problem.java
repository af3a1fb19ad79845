package org.rota.platform.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 *
 * @param field the request field at fault, as the client named it, when one is
 * @param errors every field error, when there are several
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://rota.example/problems/";

    /** A problem whose type names its HTTP status. */
    public static Problem of(int status, String title, String detail, String field, List<FieldError> errors) {
        return new Problem(TYPE_BASE + status, title, status, detail, field, errors);
    }

    /** The error response carrying this problem. */
    public Response.ResponseBuilder response() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }

    public record FieldError(String field, String message) {
    }
}
