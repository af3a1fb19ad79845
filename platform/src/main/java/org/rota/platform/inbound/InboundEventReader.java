package org.rota.platform.inbound;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.rota.events.CloudEventHeaders;
import org.rota.platform.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads CloudEvents from Kafka records: binary mode ({@code ce_*} headers, data as the value) or structured mode
 * (the whole event as JSON in the value).
 */
@ApplicationScoped
public class InboundEventReader {

    private static final int MAX_ATTRIBUTE_LENGTH = 255;

    private final ObjectMapper json;

    InboundEventReader(ObjectMapper json) {
        this.json = json;
    }

    public InboundEvent read(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new InvalidMessageException("The message has no value");
        }
        JsonNode value = parse(record.value());
        if (header(record, CloudEventHeaders.SPEC_VERSION) != null) {
            return new InboundEvent(
                    required(header(record, CloudEventHeaders.ID), "ce_id"),
                    required(header(record, CloudEventHeaders.SOURCE), "ce_source"),
                    required(header(record, CloudEventHeaders.TYPE), "ce_type"),
                    header(record, CloudEventHeaders.SUBJECT),
                    record.topic(),
                    value);
        }
        if (value.hasNonNull("specversion")) {
            return new InboundEvent(
                    required(text(value, "id"), "id"),
                    required(text(value, "source"), "source"),
                    required(text(value, "type"), "type"),
                    text(value, "subject"),
                    record.topic(),
                    value.path("data"));
        }
        throw new InvalidMessageException("Not a CloudEvent: no ce_specversion header and no specversion attribute");
    }

    /** Binds the event's data to the record type its {@code ce_type} announces. */
    public <T> T data(InboundEvent event, Class<T> type) {
        if (event.data() == null || !event.data().isObject()) {
            throw new InvalidMessageException("The event " + event.id() + " has no JSON object as data");
        }
        try {
            return json.treeToValue(event.data(), type);
        } catch (JsonProcessingException e) {
            throw new InvalidMessageException("The data of event " + event.id() + " is not a valid "
                    + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** A reason fit for the dead-letter header, whatever the failure was, naming the field at fault if known. */
    public static String reason(Throwable failure) {
        if (failure instanceof ConstraintViolationException violations) {
            return "Invalid: " + violations.getConstraintViolations().stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().toList();
        }
        if (failure instanceof ProblemException problem && problem.field() != null) {
            return problem.field() + ": " + problem.getMessage();
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    private JsonNode parse(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new InvalidMessageException("The value is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Source and id identify the event when it is remembered as applied, so they must fit what is stored. */
    private static String required(String value, String attribute) {
        if (value == null || value.isBlank()) {
            throw new InvalidMessageException("The CloudEvent attribute '" + attribute + "' is missing");
        }
        if (value.length() > MAX_ATTRIBUTE_LENGTH) {
            throw new InvalidMessageException("The CloudEvent attribute '" + attribute + "' is longer than "
                    + MAX_ATTRIBUTE_LENGTH + " characters");
        }
        if (value.indexOf('\0') >= 0) {
            throw new InvalidMessageException("The CloudEvent attribute '" + attribute + "' holds a NUL character");
        }
        return value;
    }
}
