package org.rota.infra;

import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.rota.events.Contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Checks an event's JSON data against the JSON Schema its {@code ce_type} names in the contract module. */
public final class EventContracts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    /** The violations of the schema, empty when the data conforms. */
    public static Set<ValidationMessage> violations(String ceType, String json) {
        try {
            JsonNode data = JSON.readTree(json);
            return SCHEMAS.computeIfAbsent(ceType, EventContracts::load).validate(data);
        } catch (Exception e) {
            throw new IllegalArgumentException("Not JSON: " + json, e);
        }
    }

    public static void assertConforms(String ceType, String json) {
        Set<ValidationMessage> violations = violations(ceType, json);
        if (!violations.isEmpty()) {
            throw new AssertionError(ceType + " event does not conform to its schema: " + violations + "\n" + json);
        }
    }

    private static JsonSchema load(String ceType) {
        String resource = Contracts.schemaFor(ceType);
        try (InputStream schema = Contracts.class.getResourceAsStream(resource)) {
            if (schema == null) {
                throw new IllegalStateException("Missing schema " + resource);
            }
            return FACTORY.getSchema(schema, CONFIG);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private EventContracts() {
    }
}
