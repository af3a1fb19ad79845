package org.rota.platform.problem;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rota.platform.problem.Problem.FieldError;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** Turns every failure kind into an {@code application/problem+json} response; nothing leaks as a bare 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response businessRule(ProblemException e) {
        Response.ResponseBuilder response = problem(new Problem(type(e.status()), e.title(), e.status(), e.getMessage(),
                e.field(), null));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalidFields(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new FieldError(fieldName(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; "));
        String field = errors.isEmpty() ? null : errors.get(0).field();
        return problem(new Problem(type(400), "Invalid request", 400, detail, field, errors)).build();
    }

    /** Named on its own because quarkus-rest-jackson maps this subtype itself, with a plain JSON body. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return problem(new Problem(type(400), "Invalid request", 400,
                    "Field '" + field + "' has an invalid value: " + e.getOriginalMessage(), field, null)).build();
        }
        String detail = e instanceof JsonParseException ? "The body is not well-formed JSON: " + e.getOriginalMessage()
                : "The body cannot be read: " + e.getOriginalMessage();
        return problem(new Problem(type(400), "Invalid request", 400, detail, null, null)).build();
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentUpdate(RuntimeException e) {
        return problem(new Problem(type(409), "Concurrent update", 409,
                "Another request changed this resource meanwhile; read it again and retry", "version", null)).build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable);
        }
        Response.ResponseBuilder response = problem(new Problem(type(status),
                e.getResponse().getStatusInfo().getReasonPhrase(), status, e.getMessage(), null, null));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unexpected failure", e);
        return problem(new Problem(type(500), "Internal error", 500,
                "The request failed unexpectedly; it has been logged", null, null)).build();
    }

    private static Response.ResponseBuilder problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String type(int status) {
        return "https://rota.example/problems/" + status;
    }

    /** The name the client used: the last node of the property path ({@code create.request.fte} → {@code fte}). */
    private static String fieldName(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Path.Node node = nodes.get(i);
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                return node.getName();
            }
        }
        return nodes.isEmpty() ? "body" : nodes.get(nodes.size() - 1).getName();
    }
}
