package org.rota.platform.problem;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rota.platform.problem.Problem.FieldError;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;

/** Turns every failure kind into an {@code application/problem+json} response; nothing leaks as a bare 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final UniqueKeyFields uniqueKeys;

    public ProblemMappers(UniqueKeyFields uniqueKeys) {
        this.uniqueKeys = uniqueKeys;
    }

    @ServerExceptionMapper
    public Response businessRule(ProblemException e) {
        Response.ResponseBuilder response = Problem.of(e.status(), e.title(), e.getMessage(), e.field(), null)
                .response();
        e.headers().forEach(response::header);
        return response.build();
    }

    /** Named on its own because Quarkus maps this subtype (a resource parameter refused) itself, with a plain body. */
    @ServerExceptionMapper
    public Response invalidParameters(ResteasyReactiveViolationException e) {
        return invalidFields(e);
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
        return Problem.of(400, "Invalid request", detail, field, errors).response().build();
    }

    /** Named on its own because quarkus-rest-jackson maps this subtype itself, with a plain JSON body. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return unreadable(e);
    }

    private static Response unreadable(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return Problem.of(400, "Invalid request",
                    "Field '" + field + "' has an invalid value: " + e.getOriginalMessage(), field, null)
                    .response().build();
        }
        String detail = e instanceof JsonParseException ? "The body is not well-formed JSON: " + e.getOriginalMessage()
                : "The body cannot be read: " + e.getOriginalMessage();
        return Problem.of(400, "Invalid request", detail, null, null).response().build();
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentUpdate(RuntimeException e) {
        return Problem.of(409, "Concurrent update",
                "Another request changed this resource meanwhile; read it again and retry", "version", null)
                .response().build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        return httpProblem(e);
    }

    /** The problem for a JAX-RS failure (415, 405, an unreadable body...), for mappers that handle some themselves. */
    public static Response httpProblem(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable);
        }
        Response.ResponseBuilder response = Problem.of(status, e.getResponse().getStatusInfo().getReasonPhrase(),
                e.getMessage(), null, null).response();
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    @ServerExceptionMapper
    public Response databaseConstraint(org.hibernate.exception.ConstraintViolationException e) {
        return e.getKind() == ConstraintKind.UNIQUE ? uniqueKeyTaken(e) : unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        // a constraint refused at commit arrives wrapped in the transaction's own exceptions
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException constraint
                    && constraint.getKind() == ConstraintKind.UNIQUE) {
                return uniqueKeyTaken(constraint);
            }
        }
        LOG.error("Unexpected failure", e);
        return Problem.of(500, "Internal error",
                "The request failed unexpectedly; it has been logged", null, null).response().build();
    }

    /**
     * Two requests raced for the same unique key (an externalId, a clinician's day) and the database refused the later
     * one, which would have been refused anyway had it come second: a conflict to read again and retry, not a failure.
     */
    private Response uniqueKeyTaken(org.hibernate.exception.ConstraintViolationException e) {
        String field = uniqueKeys.fieldOf(e.getConstraintName()).orElse(null);
        return Problem.of(409, "Conflict", "Another request wrote the same "
                + (field == null ? "unique key (" + e.getConstraintName() + ")" : field)
                + " meanwhile; read it again and retry", field, null).response().build();
    }

    /**
     * The name the client used: the property path below the method's parameter ({@code create.body.fte} →
     * {@code fte}, {@code create.body.seats[1].count} → {@code seats[1].count}); a resource parameter refused whole is
     * named as declared, which is {@code body} for a request body.
     */
    private static String fieldName(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        int below = 0;
        for (int i = 0; i < nodes.size(); i++) {
            ElementKind kind = nodes.get(i).getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.PARAMETER
                    || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE) {
                below = i + 1;
            }
        }
        StringBuilder field = new StringBuilder();
        for (Path.Node node : nodes.subList(below, nodes.size())) {
            // an element of a list carries its index on the node below the list
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return nodes.isEmpty() ? "body" : nodes.get(below == 0 ? 0 : below - 1).getName();
    }
}
