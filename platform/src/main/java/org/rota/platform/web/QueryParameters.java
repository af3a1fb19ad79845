package org.rota.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.rota.platform.problem.ProblemException;

/** Parses query parameters with a 400 naming the parameter, where JAX-RS conversion would answer 404. */
public final class QueryParameters {

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, name + " must be an ISO date such as 2026-12-07");
        }
    }

    public static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, name + " must be a whole number from " + Integer.MIN_VALUE
                    + " to " + Integer.MAX_VALUE);
        }
    }

    /** Only {@code true} or {@code false}: JAX-RS would read any other word as false. */
    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.badRequest(name, name + " must be true or false");
        };
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, name + " must be a UUID");
        }
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private QueryParameters() {
    }
}
