package org.rota.activity.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.rota.platform.problem.ProblemException;
import org.rota.platform.web.QueryParameters;

/** Range query parameters, with a 400 naming the parameter. A bare date means its start, in UTC. */
final class TimeParameters {

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest(name,
                        name + " must be an ISO instant such as 2026-12-07T08:00:00Z, or an ISO date");
            }
        }
    }

    static LocalDate date(String name, String value) {
        return QueryParameters.date(name, value);
    }

    static <T extends Comparable<T>> void requireOrdered(T from, T to) {
        if (from != null && to != null && from.compareTo(to) > 0) {
            throw ProblemException.badRequest("to", "to (" + to + ") must not be before from (" + from + ")");
        }
    }

    private TimeParameters() {
    }
}
