package org.rota.platform.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every JSON value read by the service's {@link ObjectMapper} (REST bodies and inbound messages alike) is checked
 * against {@link StorableValues} while it is read, so the failure names the field like any other unreadable value.
 */
@Singleton
public class StorableJsonModule implements ObjectMapperCustomizer {

    /** Last, after Quarkus has registered Jackson's own date and time module, whose readers these replace. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("rota-storable-values");
        module.addDeserializer(String.class, new Checked<>(String.class, StringDeserializer.instance,
                StorableValues::textProblem));
        module.addDeserializer(Instant.class, new Checked<>(Instant.class, InstantDeserializer.INSTANT,
                StorableValues::instantProblem));
        module.addDeserializer(LocalDate.class, new Checked<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                StorableValues::dateProblem));
        mapper.registerModule(module);
    }

    /** Reads with Jackson's own deserializer, then refuses a value {@link StorableValues} cannot store. */
    static final class Checked<T> extends StdScalarDeserializer<T> {

        private static final long serialVersionUID = 1L;

        private final transient JsonDeserializer<? extends T> reader;
        private final transient Function<T, Optional<String>> problem;

        Checked(Class<T> type, JsonDeserializer<? extends T> reader, Function<T, Optional<String>> problem) {
            super(type);
            this.reader = reader;
            this.problem = problem;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            T value = reader.deserialize(parser, context);
            Optional<String> refused = problem.apply(value);
            if (refused.isPresent()) {
                throw InvalidFormatException.from(parser, refused.get(), value, handledType());
            }
            return value;
        }
    }
}
