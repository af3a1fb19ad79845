package org.rota.solver.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.rota.platform.inbound.InvalidMessageException;

import com.fasterxml.jackson.databind.JsonNode;

/** Tolerant reading of event data: the fields the solver needs, each failure naming the field. */
final class Json {

    static JsonNode required(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidMessageException("Field '" + field + "' is missing");
        }
        return value;
    }

    static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static Integer integer(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }

    static java.math.BigDecimal decimal(JsonNode data, String field) {
        try {
            return new java.math.BigDecimal(required(data, field).asText());
        } catch (NumberFormatException e) {
            throw new InvalidMessageException("Field '" + field + "' is not a number");
        }
    }

    static long version(JsonNode data) {
        JsonNode version = required(data, "version");
        if (!version.canConvertToLong()) {
            throw new InvalidMessageException("Field 'version' is not a number");
        }
        return version.asLong();
    }

    static UUID uuid(JsonNode data, String field) {
        try {
            return UUID.fromString(required(data, field).asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException("Field '" + field + "' is not a UUID");
        }
    }

    static Instant instant(JsonNode data, String field) {
        try {
            return Instant.parse(required(data, field).asText());
        } catch (DateTimeParseException e) {
            throw new InvalidMessageException("Field '" + field + "' is not an ISO-8601 instant");
        }
    }

    static LocalDate date(JsonNode data, String field) {
        try {
            return LocalDate.parse(required(data, field).asText());
        } catch (DateTimeParseException e) {
            throw new InvalidMessageException("Field '" + field + "' is not an ISO date");
        }
    }

    static LocalDate optionalDate(JsonNode data, String field) {
        return text(data, field) == null ? null : date(data, field);
    }

    static <E extends Enum<E>> E enumValue(JsonNode data, String field, Class<E> type) {
        String value = required(data, field).asText();
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException("Field '" + field + "' has an unknown value '" + value + "'");
        }
    }

    /** Deletion is a state: {@code deleted: true}, or a status that says so. */
    static boolean removed(JsonNode data) {
        String status = text(data, "status");
        return data.path("deleted").asBoolean(false) || data.path("removed").asBoolean(false)
                || "DELETED".equals(status) || "CANCELLED".equals(status) || "REMOVED".equals(status);
    }

    private Json() {
    }
}
