package org.rota.contracts;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a JAX-RS REST client interface against the OpenAPI document of the service it calls: every operation it
 * calls exists (path and method), every parameter it sends is declared there with a compatible type, and every
 * field of the record it reads the answer into is in the success response's schema with a compatible type. A
 * field the server adds is fine (the client ignores it); one it removes, renames or retypes is reported.
 */
public final class RestClientConformance {

    private static final Map<Class<? extends Annotation>, String> METHODS = Map.of(GET.class, "get", POST.class,
            "post", PUT.class, "put", DELETE.class, "delete", PATCH.class, "patch", HEAD.class, "head");

    private final JsonNode document;
    private final List<String> problems = new ArrayList<>();

    private RestClientConformance(JsonNode document) {
        this.document = document;
    }

    /** @return every mismatch, described; empty when the client fits the document */
    public static List<String> check(Class<?> client, JsonNode serverDocument) {
        RestClientConformance conformance = new RestClientConformance(serverDocument);
        String base = client.isAnnotationPresent(Path.class) ? client.getAnnotation(Path.class).value() : "";
        Arrays.stream(client.getDeclaredMethods()).filter(m -> !m.isDefault() && !m.isSynthetic())
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .forEach(method -> conformance.checkOperation(base, method));
        return conformance.problems;
    }

    private void checkOperation(String base, Method method) {
        String verb = METHODS.entrySet().stream().filter(e -> method.isAnnotationPresent(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (verb == null) {
            return;
        }
        String path = join(base, method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "");
        String where = verb.toUpperCase(Locale.ROOT) + " " + path + " (" + method.getName() + ")";
        JsonNode pathItem = document.path("paths").path(path);
        if (pathItem.isMissingNode()) {
            problems.add(where + ": the server has no path " + path);
            return;
        }
        JsonNode operation = pathItem.path(verb);
        if (operation.isMissingNode()) {
            problems.add(where + ": the server has no " + verb.toUpperCase(Locale.ROOT) + " on " + path);
            return;
        }
        for (Parameter parameter : method.getParameters()) {
            checkParameter(where, pathItem, operation, parameter);
        }
        Type answer = method.getGenericReturnType();
        if (answer != void.class && answer != Void.class) {
            JsonNode schema = successSchema(operation);
            if (schema == null) {
                problems.add(where + ": the server declares no JSON schema for its success response");
            } else {
                checkType(where + " response", answer, schema, new HashSet<>());
            }
        }
    }

    private void checkParameter(String where, JsonNode pathItem, JsonNode operation, Parameter parameter) {
        String in;
        String name;
        if (parameter.isAnnotationPresent(PathParam.class)) {
            in = "path";
            name = parameter.getAnnotation(PathParam.class).value();
        } else if (parameter.isAnnotationPresent(QueryParam.class)) {
            in = "query";
            name = parameter.getAnnotation(QueryParam.class).value();
        } else if (parameter.isAnnotationPresent(HeaderParam.class)) {
            in = "header";
            name = parameter.getAnnotation(HeaderParam.class).value();
        } else {
            JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
            if (body.isMissingNode()) {
                problems.add(where + ": the client sends a JSON body the server does not take");
            }
            return;
        }
        JsonNode declared = findParameter(operation, in, name);
        if (declared == null) {
            declared = findParameter(pathItem, in, name);
        }
        if (declared == null) {
            problems.add(where + ": the server declares no " + in + " parameter '" + name + "'");
            return;
        }
        checkType(where + " " + in + " parameter '" + name + "'", parameter.getParameterizedType(),
                declared.path("schema"), new HashSet<>());
    }

    private JsonNode findParameter(JsonNode owner, String in, String name) {
        for (JsonNode parameter : owner.path("parameters")) {
            JsonNode resolved = resolve(parameter);
            boolean sameName = "header".equals(in) ? resolved.path("name").asText().equalsIgnoreCase(name)
                    : resolved.path("name").asText().equals(name);
            if (sameName && resolved.path("in").asText().equals(in)) {
                return resolved;
            }
        }
        return null;
    }

    private JsonNode successSchema(JsonNode operation) {
        for (Iterator<Map.Entry<String, JsonNode>> it = operation.path("responses").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> response = it.next();
            if (response.getKey().startsWith("2")) {
                JsonNode schema = resolve(response.getValue()).path("content").path("application/json").path("schema");
                if (!schema.isMissingNode()) {
                    return schema;
                }
            }
        }
        return null;
    }

    /** What the client binds must be what the server sends: same JSON type and format, fields present. */
    private void checkType(String where, Type type, JsonNode schemaOrRef, Set<String> visiting) {
        JsonNode schema = resolve(schemaOrRef);
        Class<?> raw = raw(type);
        String jsonType = jsonType(schema);
        if (raw == String.class) {
            expect(where, schema, jsonType, "string", null);
        } else if (raw == UUID.class) {
            expect(where, schema, jsonType, "string", "uuid");
        } else if (raw == Instant.class || raw == OffsetDateTime.class) {
            expect(where, schema, jsonType, "string", "date-time");
        } else if (raw == LocalDate.class) {
            expect(where, schema, jsonType, "string", "date");
        } else if (raw == boolean.class || raw == Boolean.class) {
            expect(where, schema, jsonType, "boolean", null);
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class
                || raw == short.class || raw == Short.class || raw == BigInteger.class) {
            expect(where, schema, jsonType, "integer", null);
        } else if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class
                || raw == BigDecimal.class) {
            if (!"number".equals(jsonType) && !"integer".equals(jsonType)) {
                problems.add(where + ": the client reads a number, the server declares " + jsonType);
            }
        } else if (raw.isEnum()) {
            expect(where, schema, jsonType, "string", null);
            Set<String> known = new HashSet<>();
            Arrays.stream(raw.getEnumConstants()).forEach(constant -> known.add(((Enum<?>) constant).name()));
            for (JsonNode value : schema.path("enum")) {
                if (!known.contains(value.asText())) {
                    problems.add(where + ": the server may send " + value.asText() + ", which " + raw.getSimpleName()
                            + " does not know");
                }
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            if (!"array".equals(jsonType)) {
                problems.add(where + ": the client reads an array, the server declares " + jsonType);
            } else if (type instanceof ParameterizedType parameterized) {
                checkType(where + "[]", parameterized.getActualTypeArguments()[0], schema.path("items"), visiting);
            }
        } else if (raw.isRecord()) {
            checkRecord(where, raw, schema, jsonType, visiting);
        } else {
            problems.add(where + ": the check does not know how to compare " + raw.getName());
        }
    }

    private void checkRecord(String where, Class<?> record, JsonNode schema, String jsonType, Set<String> visiting) {
        if (!"object".equals(jsonType)) {
            problems.add(where + ": the client reads an object (" + record.getSimpleName() + "), the server declares "
                    + jsonType);
            return;
        }
        if (!visiting.add(record.getName())) {
            return;
        }
        JsonNode properties = schema.path("properties");
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode property = properties.path(component.getName());
            if (property.isMissingNode()) {
                problems.add(where + ": field '" + component.getName() + "' of " + record.getSimpleName()
                        + " is not in the server's schema");
            } else {
                checkType(where + "." + component.getName(), component.getGenericType(), property, visiting);
            }
        }
        visiting.remove(record.getName());
    }

    private void expect(String where, JsonNode schema, String jsonType, String type, String format) {
        if (!type.equals(jsonType)) {
            problems.add(where + ": the client reads a " + type + ", the server declares " + jsonType);
        } else if (format != null && !format.equals(schema.path("format").asText(null))) {
            problems.add(where + ": the client reads a " + type + " of format " + format
                    + ", the server declares format " + schema.path("format").asText("none"));
        }
    }

    /** The schema's type; OpenAPI 3.1 allows a list (["string", "null"]) for a nullable value. */
    private static String jsonType(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!"null".equals(each.asText())) {
                    return each.asText();
                }
            }
        }
        if (type.isMissingNode() && schema.has("properties")) {
            return "object";
        }
        return type.asText("unspecified");
    }

    /** Follows {@code $ref} (within the document) and a lone {@code allOf}/{@code oneOf}/{@code anyOf} wrapper. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 20; depth++) {
            if (current.has("$ref")) {
                String ref = current.get("$ref").asText();
                if (!ref.startsWith("#/")) {
                    throw new IllegalArgumentException("Only local references are supported: " + ref);
                }
                current = document.at(ref.substring(1));
            } else if (!current.has("type") && !current.has("properties")) {
                JsonNode alone = alone(current);
                if (alone == null) {
                    return current;
                }
                current = alone;
            } else {
                return current;
            }
        }
        return current;
    }

    private static JsonNode alone(JsonNode schema) {
        for (String combiner : List.of("allOf", "oneOf", "anyOf")) {
            JsonNode options = schema.path(combiner);
            List<JsonNode> nonNull = new ArrayList<>();
            options.forEach(option -> {
                if (!"null".equals(option.path("type").asText())) {
                    nonNull.add(option);
                }
            });
            if (nonNull.size() == 1) {
                return nonNull.get(0);
            }
        }
        return null;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalArgumentException("Unsupported type " + type);
    }

    private static String join(String base, String path) {
        String joined = ("/" + base + "/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
