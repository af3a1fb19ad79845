package org.rota.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What a client may send as a text or a time so that PostgreSQL can store it and every reader can print it: the one
 * definition behind the JSON deserializers ({@link StorableJsonModule}) and the parameter filter
 * ({@link StorableParametersFilter}). PostgreSQL refuses the NUL character in text and instants past year 294276, and
 * Java accepts both; a value refused here is a 400 naming the field instead of a failed write.
 */
public final class StorableValues {

    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

    /** Why the text cannot be stored, or empty when it can. */
    public static Optional<String> textProblem(String value) {
        return value != null && value.indexOf('\u0000') >= 0
                ? Optional.of("must not contain the NUL character (U+0000)")
                : Optional.empty();
    }

    public static Optional<String> dateProblem(LocalDate value) {
        return value != null && (value.getYear() < MIN_YEAR || value.getYear() > MAX_YEAR)
                ? Optional.of(yearRange())
                : Optional.empty();
    }

    public static Optional<String> instantProblem(Instant value) {
        return value == null ? Optional.empty() : dateProblem(LocalDate.ofInstant(value, ZoneOffset.UTC));
    }

    private static String yearRange() {
        return "must be in the years " + MIN_YEAR + " to " + MAX_YEAR;
    }

    private StorableValues() {
    }
}
